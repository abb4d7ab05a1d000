// `promptops lint`: the prompt linter in CI. `<dir>` lints prompt files (YAML or JSON, the portable format) locally
// with the bundled linter (bin/lint-bundle.mjs); `--workspace` asks a running studio (GET /api/v1/lint) for the
// findings of every prompt's latest version with the workspace's context and severities. Exit codes: 0 = no active
// error, 1 = at least one active error, 2 = usage, file, network or auth errors.
import { readFileSync } from "node:fs";
import { lstat, open, readdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError, api, connection, table } from "./cli-common.mjs";
import { loadLinter } from "./lint-bundle.mjs";
import { sarifLog } from "./sarif.mjs";

export const LINT_HELP = `Usage: promptops lint <dir|file> [options]
       promptops lint --workspace [options]

Runs the prompt linter. With a directory (or a file), lints the latest version of every prompt file in it
(YAML or JSON, the format of Settings → Export; other YAML files are skipped) without a studio: the rules that
need the studio's context (datasets, context window, where a prompt is served) are skipped. With --workspace,
asks the running studio for every prompt's latest version linted with the workspace's datasets and severities.
Exits 0 when no active error is found, 1 when one is, 2 on any other problem (arguments, unreadable or invalid
prompt files, network, API key). Silenced findings ({{! lint-disable <rule>: <reason> }}) never count.

The local linter is dist/cli/lint.mjs, written by npm run build; in a checkout without it, it is built on first
use with esbuild (npm install provides it).

Options:
  --workspace              Lint the studio's workspace instead of files (needs --url and a read API key)
  --sarif <file>           Also write SARIF 2.1.0 (for GitHub code scanning); file paths are relative to the
                           current directory, prompts are promptops://<prompt>@v<n>
  --url <url>              Studio URL (default http://localhost:3000, or PROMPTOPS_URL); rule help links there
  --api-key <key>          An API key, read scope is enough (default: PROMPTOPS_API_KEY)
  -h, --help               Show this help
`;

export const LINT_OPTIONS = {
  workspace: { type: "boolean" },
  sarif: { type: "string" },
  url: { type: "string" },
  "api-key": { type: "string" },
  help: { type: "boolean", short: "h" },
};

const VERSION = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "package.json"), "utf8")).version;
const PROMPT_FILE = /\.(ya?ml|json)$/i;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 5000;
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".next", "dist"]);

/** Prompt-file candidates under `root`. Symbolic links are never followed (a link loop cannot trap the walk). */
async function findFiles(root) {
  const info = await lstat(root).catch((error) => {
    throw new CliError(`Cannot read ${root}: ${error.code ?? error.message}`);
  });
  if (info.isSymbolicLink()) throw new CliError(`${root} is a symbolic link; pass the directory or file it points to.`);
  if (info.isFile()) return [root];
  if (!info.isDirectory()) throw new CliError(`${root} is neither a file nor a directory.`);
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) pending.push(path);
      else if (entry.isFile() && PROMPT_FILE.test(entry.name)) files.push(path);
      if (files.length > MAX_FILES) throw new CliError(`More than ${MAX_FILES} YAML/JSON files under ${root}; point at the prompts folder.`);
    }
  }
  return files.sort();
}

/** The file's text, refusing one over 1 MiB before reading it (a prompt file is never that large). */
async function readPromptFile(path) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    return { content: await handle.readFile("utf8") };
  } finally {
    await handle.close();
  }
}

const uriOf = (path) => relative(process.cwd(), path).split(sep).join("/");

async function lintDirectory(target) {
  const linter = await loadLinter();
  const root = resolve(target);
  const files = await findFiles(root);
  const findings = [];
  const problems = [];
  let linted = 0;
  let skipped = 0;
  for (const path of files) {
    const uri = uriOf(path);
    const read = await readPromptFile(path);
    if (read.tooLarge !== undefined) {
      problems.push(`${uri}: the file is ${(read.tooLarge / 1024 / 1024).toFixed(1)} MiB; prompt files are at most 1 MiB.`);
      continue;
    }
    const result = linter.lintPromptFile({ file: uri, content: read.content });
    if (result.kind === "not-a-prompt") {
      // A single file named on the command line must be a prompt file; in a directory, other YAML is skipped.
      if (files.length === 1 && path === root) problems.push(`${uri}: not a prompt file (a prompt file has a name and versions).`);
      skipped += 1;
      continue;
    }
    if (result.kind === "invalid") {
      problems.push(...result.errors.map((e) => `${uri}: ${e.field === "(yaml)" || e.field === "(file)" ? "" : `${e.field}: `}${e.message}`));
      continue;
    }
    linted += 1;
    findings.push(...result.findings.map((f) => ({ ...f, uri, where: `${uri}:${f.region.startLine}:${f.region.startColumn}` })));
  }
  if (linted === 0 && problems.length === 0) throw new CliError(`No prompt files under ${target} (${skipped} other YAML/JSON files skipped).`);
  const rules = linter.RULE_IDS.map((id) => linter.LINT_RULES[id]);
  return { findings, problems, rules, summary: `${linted} prompt file${linted === 1 ? "" : "s"} linted${skipped ? `, ${skipped} other files skipped` : ""}` };
}

async function lintWorkspace(values) {
  const options = connection(values);
  const data = await api(options, "GET", "/lint");
  const findings = data.prompts.flatMap((p) =>
    p.findings.map((f) => ({
      ...f,
      uri: `promptops://${p.name}@v${p.version}`,
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      where: `${p.name}@v${p.version}:${f.line}:${f.column}`,
    })),
  );
  return { findings, problems: [], rules: data.rules, summary: `${data.prompts.length} prompt${data.prompts.length === 1 ? "" : "s"} linted in the workspace` };
}

export async function runLint(values, positionals) {
  if (values.workspace && positionals.length > 0) throw new CliError("Give a directory or --workspace, not both.");
  if (!values.workspace && positionals.length !== 1) throw new CliError("Give one directory or file to lint, or --workspace.");
  const { findings, problems, rules, summary } = values.workspace ? await lintWorkspace(values) : await lintDirectory(positionals[0]);
  const active = findings.filter((f) => f.silencedReason === undefined);
  if (active.length > 0) {
    console.log(table([["Where", "Severity", "Rule", "Message"], ...active.map((f) => [f.where, f.severity, f.ruleId, f.message])]));
  }
  const silenced = findings.length - active.length;
  const errors = active.filter((f) => f.severity === "error").length;
  console.log(`${summary}: ${errors} error${errors === 1 ? "" : "s"}, ${active.length - errors} other findings${silenced ? `, ${silenced} silenced` : ""}.`);
  if (values.sarif) {
    const helpBase = `${(values.url ?? process.env.PROMPTOPS_URL ?? "http://localhost:3000").replace(/\/+$/, "")}/settings/lint`;
    const log = sarifLog({ rules, findings, version: VERSION, helpBase });
    await writeFile(values.sarif, `${JSON.stringify(log, null, 2)}\n`).catch((error) => {
      throw new CliError(`Cannot write ${values.sarif}: ${error.code ?? error.message}`);
    });
  }
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`promptops: ${problem}\n`);
    return 2;
  }
  return errors > 0 ? 1 : 0;
}
