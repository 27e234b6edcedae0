import { defineConfig } from "vitest/config";

// Tests run the workspace's TypeScript sources through the "@critmin/source" export condition, so
// nothing needs building first. Vitest runs tests in Vite's server-side environment, hence ssr too.
const conditions = ["@critmin/source", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/pipeline/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    testTimeout: 60_000,
  },
});
