// ESLint for the whole workspace: typescript-eslint's type-aware rules (types from tsconfig.json
// through the project service), Microsoft's Office add-in rules for the add-in's Excel code, and
// eslint-config-prettier last so that formatting is Prettier's alone (`pnpm lint` runs both).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      "**/.tmp/",
      "packages/core/sources/",
      "packages/core/src/data/gen/",
      "packages/excel-addin/src/generated/",
      "packages/sdk-docs/docs/generated/",
      "packages/sdk-docs/docs/.vitepress/cache/",
      "test/consumer/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["packages/*/src/**/*.ts", "packages/*/scripts/**/*.ts", "packages/*/pipeline/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-support.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/test/**"], message: "shipped and build code must not import test files" }] },
      ],
    },
  },
  {
    // Tests read raw source files (JSON.parse, csv-parse, exceljs cells) whose shape is the
    // assertion itself: untyped values are the point there, not a leak.
    files: ["**/*.test.ts", "**/*.test-support.ts", "test/**/*.ts", "packages/*/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // custom-functions-metadata maps a parameter typed `any` to Excel's "any" type: the only way to
    // accept a number, text, boolean or blank cell in one argument.
    files: ["packages/excel-addin/src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The add-in runs in Excel's browser runtimes.
    files: ["packages/excel-addin/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // Plain JavaScript (configs, a browser stand-in) has no types to check.
    files: ["**/*.{js,cjs,mjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
