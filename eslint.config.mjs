import next from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const enginePurity = {
  patterns: [
    {
      group: ["next", "next/*", "react", "react-dom"],
      message: "lib/qualification is pure: no framework imports, so every caller (UI, actions, jobs, imports) can reuse it.",
    },
    {
      group: ["@prisma/*", "*/generated/*", "@/lib/server/*", "../server/*", "pg", "@electric-sql/*"],
      message: "lib/qualification is pure: callers load data and pass plain objects in.",
    },
    { group: ["@/lib/env", "*/env"], message: "lib/qualification is pure: configuration is passed in as data, never read from the environment." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/server/generated/**",
      "coverage/**",
      "prisma/tooling/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "docs/api-types.ts",
    ],
  },
  ...next,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through lib/env.ts, the one validated place.",
        },
      ],
    },
  },
  {
    // instrumentation.ts reads Next's own runtime flags (NEXT_RUNTIME, NEXT_PHASE), not app configuration.
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "tests/**", "prisma/**", "*.config.*"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // API tests read arbitrary JSON responses; the contract test checks their shape against the OpenAPI document.
    files: ["tests/fixtures/api.ts", "tests/integration/api-*.test.ts", "tests/integration/webhooks.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  {
    files: ["lib/qualification/**"],
    rules: {
      "no-restricted-imports": ["error", enginePurity],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "lib/qualification has no clock: take `now` as input." },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "lib/qualification has no clock: take `now` as input.",
        },
        { selector: "MemberExpression[object.name='process']", message: "lib/qualification is pure: no process or environment access." },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "lib/qualification is deterministic: no randomness.",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
