// The linter for `promptops lint <dir>`: lib/prompts/portable/lint-files.ts with the linter, the YAML parser and zod,
// bundled by esbuild into dist/cli/lint.mjs so plain Node runs it without TypeScript. `npm run build` writes it
// (scripts/build-cli-lint.mjs); a checkout without it builds it here on first use, with the esbuild it has.
import { existsSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const LINT_BUNDLE = join(ROOT, "dist", "cli", "lint.mjs");

export async function buildLintBundle({ outfile = LINT_BUNDLE } = {}) {
  const { build } = await import("esbuild");
  // Written aside and renamed, so a concurrent `promptops lint` never imports a half-written bundle.
  const partial = `${outfile}.${process.pid}.partial`;
  await build({
    entryPoints: [join(ROOT, "lib/prompts/portable/lint-files.ts")],
    outfile: partial,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    tsconfig: join(ROOT, "tsconfig.json"),
    // yaml is CommonJS and requires Node's built-ins; an ES module has no require() of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  renameSync(partial, outfile);
  return outfile;
}

/** The bundle's exports, building it first when it is missing. */
export async function loadLinter() {
  if (!existsSync(LINT_BUNDLE)) {
    try {
      await buildLintBundle();
    } catch (error) {
      throw new Error(`dist/cli/lint.mjs is missing and could not be built (${error?.message ?? error}). Run npm run build, or npm install for esbuild.`);
    }
  }
  return import(pathToFileURL(LINT_BUNDLE).href);
}
