// Test helpers written once (STYLE.md §12): the browser, loopback servers, raw source files, errors.
export * from "./cases.ts";
export * from "./chromium.ts";
export * from "./hosted.ts";
export * from "./raw.ts";
export * from "./serve.ts";
export * from "./thrown.ts";
