import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@critmin/source", "default"] },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/pipeline/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
