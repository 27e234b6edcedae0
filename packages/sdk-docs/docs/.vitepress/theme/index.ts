// The default theme with a few styles for generated content (evaluated examples, facts line).
import DefaultTheme from "vitepress/theme";
import "./custom.css";

export default DefaultTheme;
