// `npm run build`'s third step: bundles the prompt linter for `promptops lint <dir>` into dist/cli/lint.mjs
// (bin/lint-bundle.mjs says why and how).
import { buildLintBundle } from "../bin/lint-bundle.mjs";

console.log(`Bundled the prompt linter to ${await buildLintBundle()}`);
