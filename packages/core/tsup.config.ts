import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", schema: "src/schema/index.ts" },
  format: ["esm", "cjs"],
  // Each entry self-contained: the few constants both use are copied rather than put in a chunk.
  splitting: false,
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
});
