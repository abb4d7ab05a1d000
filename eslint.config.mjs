import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import oneWriter from "./scripts/lint/one-writer.mjs";

// Which feature owns which table (db/schema exports). Its manage-*.ts modules are the only writers.
const TABLE_OWNERS = {
  "lib/prompts": ["prompts", "promptVersions"],
  "lib/serving": ["deliveryState", "guardBlockCounts"],
  "lib/datasets": ["datasets", "datasetCases"],
  "lib/playground": ["playgroundRuns", "variableSets"],
  "lib/evals": ["evalRuns", "evalRunTargets", "evalRunCases", "evalResults", "evalScores", "evalCaseLeases"],
  "lib/releases": ["environments", "environmentPointers", "deployments", "promotionRequests"],
  "lib/review": ["reviewQueues", "reviewQueueAssignees", "reviewItems", "ratings", "ratingScores", "feedbackTags"],
  "lib/feedback": ["generations", "generationFeedback"],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "public/monaco/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**", "dist/**"]),
  {
    // next.config.js is CommonJS by design (the layout names it), so require() is how it reads package.json.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures receive a callback named `use`, which the React hooks rule mistakes for React's use().
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // A route handler reaches the session only through sessionRoute (lib/platform/http/session-route.ts), which checks the
    // origin of state-changing requests and caps the body before anything reads it; a new route cannot skip that.
    files: ["app/api/**/route.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/platform/auth/context", message: "Use sessionRoute from @/lib/platform/http/session-route: it checks the origin, the session and the body size." },
            { name: "next-auth/next", message: "Use sessionRoute from @/lib/platform/http/session-route." },
          ],
        },
      ],
    },
  },
  {
    // One writer per table: imports, seeds and other features write through the owner's manage modules. Tests set up
    // rows directly on purpose, and the benchmarks' fixtures insert hundreds of thousands of rows in bulk.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**", "e2e/**", "scripts/bench-*.ts"],
    plugins: { studio: { rules: { "one-writer": oneWriter } } },
    rules: { "studio/one-writer": ["error", { owners: TABLE_OWNERS }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The data layer is async (db/transaction.ts): a query or a write not awaited runs after its caller moved on, or
    // not at all, and a Promise in an `if` is always true. The type checker sees what the eye misses.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
]);
