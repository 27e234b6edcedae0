import type { BuildOptions } from "esbuild";

/**
 * How the add-in's browser bundles are built: one IIFE per entry for Excel's runtimes (ES2020),
 * minified, from the workspace sources. Shared with the benchmark's size breakdown (test/bench/sizes.ts),
 * so that it measures exactly what ships.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  conditions: ["@critmin/source"],
  logLevel: "error",
} as const satisfies BuildOptions;
