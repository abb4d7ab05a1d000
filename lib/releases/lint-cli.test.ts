// `promptops lint` (bin/lint.mjs) as CI runs it: the real bin in a child process, over prompt files in a temp
// directory (the bundled linter, built on demand) and over a real studio API (`--workspace`). The SARIF it writes is
// checked against the structure SARIF 2.1.0 requires of what GitHub code scanning reads.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { setUpEvalApi } from "@/lib/testing/eval-api";
import { makeWorkspace } from "@/lib/testing/factories";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";

const api = setUpEvalApi();

function cli(args: string[], { cwd = REPO_ROOT, env = {} }: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, "bin/promptops.mjs"), ...args], { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const version = (body: string) => `versions:
  - version: 1
    message: first
    author: null
    createdAt: 2026-11-22T02:37:00.000Z
${body}`;

const FILES: Record<string, string> = {
  // Clean: the variable sits in tags, nothing else to say.
  "prompts/support/clean.yaml": `name: support/clean\ntype: text\n${version("    template: |-\n      Answer briefly.\n      <q>{{question}}</q>\n")}`,
  // Line 12 of the file holds an e-mail address (an error); the variable is undelimited (a warning).
  "prompts/support/leaky.yaml": `name: support/leaky\ntype: chat\n${version("    messages:\n      - role: user\n        content: |-\n          Answer {{question}}.\n          Escalate to alice@example.com.\n")}`,
  // The same address, silenced with a reason: a suppressed result, not a failure.
  "prompts/support/silenced.json": JSON.stringify({
    name: "support/silenced",
    type: "text",
    versions: [{ version: 1, message: "first", author: null, createdAt: "2026-11-22T02:37:00.000Z", template: "{{! lint-disable personal-data-in-template: public support inbox }}Write to help@example.com about <q>{{question}}</q>." }],
  }),
  // Not a prompt file: skipped in a directory.
  ".github/workflows/ci.yml": "on: push\njobs: {}\n",
  "config/settings.yaml": "retries: 3\n",
};

async function tree(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "promptops-lint-"));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

type Json = Record<string, unknown>;

/** What SARIF 2.1.0 requires of the parts we write (the schema's required properties, enums and minimums). */
function sarifProblems(log: Json): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => void (ok ? null : problems.push(what));
  need(log.version === "2.1.0", "version is 2.1.0");
  need(log.$schema === "https://json.schemastore.org/sarif-2.1.0.json", "$schema");
  const runs = log.runs as Json[];
  need(Array.isArray(runs) && runs.length === 1, "one run");
  const run = runs?.[0] ?? {};
  const driver = ((run.tool as Json)?.driver ?? {}) as Json;
  need(typeof driver.name === "string" && driver.name.length > 0, "tool.driver.name");
  need(typeof driver.version === "string", "tool.driver.version");
  need(typeof driver.informationUri === "string" && URL.canParse(driver.informationUri as string), "tool.driver.informationUri is a URI");
  const rules = (driver.rules ?? []) as Json[];
  for (const rule of rules) {
    need(typeof rule.id === "string", "rule.id");
    need(typeof (rule.shortDescription as Json)?.text === "string", `${String(rule.id)}: shortDescription.text`);
    need(typeof (rule.fullDescription as Json)?.text === "string", `${String(rule.id)}: fullDescription.text`);
    need(URL.canParse(String(rule.helpUri)), `${String(rule.id)}: helpUri`);
    need(["none", "note", "warning", "error"].includes(String((rule.defaultConfiguration as Json)?.level)), `${String(rule.id)}: defaultConfiguration.level`);
  }
  for (const result of (run.results ?? []) as Json[]) {
    need(typeof (result.message as Json)?.text === "string", "result.message.text");
    need(rules.some((r) => r.id === result.ruleId), `result.ruleId ${String(result.ruleId)} is a rule`);
    if (result.ruleIndex !== undefined) need(rules[result.ruleIndex as number]?.id === result.ruleId, "ruleIndex points at the rule");
    need(["none", "note", "warning", "error"].includes(String(result.level)), "result.level");
    for (const location of (result.locations ?? []) as Json[]) {
      const physical = location.physicalLocation as Json;
      need(typeof (physical?.artifactLocation as Json)?.uri === "string", "artifactLocation.uri");
      const region = (physical?.region ?? {}) as Record<string, number>;
      for (const key of ["startLine", "startColumn", "endLine", "endColumn"]) need(Number.isInteger(region[key]) && region[key]! >= 1, `region.${key} ≥ 1`);
      need(region.endLine! >= region.startLine!, "endLine ≥ startLine");
    }
    for (const suppression of (result.suppressions ?? []) as Json[]) {
      need(["inSource", "external"].includes(String(suppression.kind)), "suppression.kind");
    }
  }
  return problems;
}

const resultsOf = (log: Json) => ((log.runs as Json[])[0]!.results ?? []) as Json[];

describe("promptops lint <dir>", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    // The first run builds the bundle on demand, as in a checkout that never ran `npm run build`.
    await rm(path.join(REPO_ROOT, "dist/cli/lint.mjs"), { force: true });
  });

  it("exits 1 on an active error and writes SARIF 2.1.0 with locations in the files and silenced findings suppressed", async () => {
    const dir = await tree(FILES);
    const result = await cli(["lint", ".", "--sarif", "out.sarif"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(existsSync(path.join(REPO_ROOT, "dist/cli/lint.mjs"))).toBe(true);
    expect(result.stdout).toContain("prompts/support/leaky.yaml:12:23  error     personal-data-in-template");
    expect(result.stdout).toContain("3 prompt files linted, 1 other files skipped: 1 error, 1 other findings, 1 silenced.");
    const log = JSON.parse(await readFile(path.join(dir, "out.sarif"), "utf8")) as Json;
    expect(sarifProblems(log)).toEqual([]);
    const results = resultsOf(log);
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["undelimited-variable", "warning"],
      ["personal-data-in-template", "error"],
      ["personal-data-in-template", "error"],
    ]);
    expect(results[1]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "prompts/support/leaky.yaml" }, region: { startLine: 12, startColumn: 23, endLine: 12, endColumn: 40 } } },
    ]);
    expect(results[2]).toMatchObject({ suppressions: [{ kind: "inSource", justification: "public support inbox" }] });
    const rules = ((log.runs as Json[])[0]!.tool as { driver: { rules: Json[] } }).driver.rules;
    expect(rules).toHaveLength(11);
    expect(rules.find((r) => r.id === "secret-in-template")).toMatchObject({
      fullDescription: { text: "Templates are stored in plain text, shown to every member and sent to the model provider on every call." },
      defaultConfiguration: { level: "error" },
    });
  });

  it("exits 0 when nothing active is an error, and follows no symbolic link (a loop cannot trap it)", async () => {
    const dir = await tree({ "prompts/support/clean.yaml": FILES["prompts/support/clean.yaml"]!, "prompts/support/silenced.json": FILES["prompts/support/silenced.json"]! });
    await symlink(dir, path.join(dir, "prompts", "loop"));
    await symlink(path.join(dir, "prompts", "self"), path.join(dir, "prompts", "self"));
    const result = await cli(["lint", "prompts"], { cwd: dir });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("2 prompt files linted: 0 errors, 0 other findings, 1 silenced.");
    const linked = await cli(["lint", "prompts/loop"], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("is a symbolic link");
  });

  it("refuses a 50 MB file without reading it, deeply nested YAML, a non-prompt file and an empty tree with exit 2", async () => {
    const dir = await tree({ "prompts/clean.yaml": FILES["prompts/support/clean.yaml"]!.replace("support/clean", "clean"), "prompts/deep.yaml": "[".repeat(200_000) });
    await writeFile(path.join(dir, "prompts/huge.yaml"), "");
    await truncate(path.join(dir, "prompts/huge.yaml"), 50 * 1024 * 1024);
    const started = Date.now();
    const result = await cli(["lint", "prompts"], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("prompts/huge.yaml: the file is 50.0 MiB; prompt files are at most 1 MiB.");
    expect(result.stderr).toContain("prompts/deep.yaml: The YAML nests deeper than 64 levels.");

    const config = await tree({ "settings.yaml": "retries: 3\n" });
    const notPrompt = await cli(["lint", "settings.yaml"], { cwd: config });
    expect([notPrompt.code, notPrompt.stderr]).toEqual([2, "promptops: settings.yaml: not a prompt file (a prompt file has a name and versions).\n"]);
    const none = await cli(["lint", "."], { cwd: config });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No prompt files under . (1 other YAML/JSON files skipped).");
    const invalid = await tree({ "p.yaml": "name: x\ntype: poem\nversions: []\n" });
    const bad = await cli(["lint", "."], { cwd: invalid });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/p\.yaml: type: /);
  });

  it("answers a usage error with exit 2", async () => {
    expect((await cli(["lint"])).code).toBe(2);
    expect((await cli(["lint", "a", "b"])).code).toBe(2);
    const both = await cli(["lint", ".", "--workspace"]);
    expect([both.code, both.stderr]).toEqual([2, "promptops: Give a directory or --workspace, not both.\n"]);
    expect((await cli(["lint", path.join(os.tmpdir(), "no-such-dir-promptops")])).stderr).toContain("ENOENT");
    const help = await cli(["lint", "--help"]);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining("built on first\nuse with esbuild")]);
  });
});

describe("promptops lint --workspace and GET /api/v1/lint", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const { id } = await createPrompt(api.ws.adminCtx, { name: "support/leaky", type: "text", description: "", tags: [] });
    await saveVersion(api.ws.adminCtx, { promptId: id, body: { type: "text", template: "Reply to <q>{{question}}</q> or write alice@example.com" }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
  });

  it("lists every prompt's latest version with the workspace's findings, to a read key only of this workspace", async () => {
    const answer = await api.request("GET", "/api/v1/lint", { key: api.readKey });
    expect(answer.status).toBe(200);
    const body = answer.body as { prompts: { name: string; version: number; findings: { ruleId: string; line: number; column: number }[] }[]; truncated: boolean };
    expect(body.truncated).toBe(false);
    expect(body.prompts.map((p) => p.name)).toEqual(["greet", "support/leaky"]);
    expect(body.prompts[1]!.findings).toEqual([expect.objectContaining({ ruleId: "personal-data-in-template", severity: "error", line: 1, column: 39, endColumn: 56 })]);

    const other = await makeWorkspace(["admin"]);
    const otherKey = await createApiKey(other.members[0]!.ctx, { name: "other", scope: "read" });
    expect(((await api.request("GET", "/api/v1/lint", { key: otherKey.secret })).body as { prompts: unknown[] }).prompts).toEqual([]);
    expect((await api.request("GET", "/api/v1/lint")).status).toBe(401);
    expect((await api.request("GET", "/api/v1/lint?x=1", { key: api.readKey, breaksContract: true })).status).toBe(400);
  });

  it("exits 1 with SARIF whose locations name the prompt and version, and 2 on a bad key", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "promptops-lint-ws-"));
    const result = await cli(["lint", "--workspace", "--url", api.baseUrl, "--sarif", "ws.sarif"], { cwd: dir, env: { PROMPTOPS_API_KEY: api.readKey } });
    expect([result.code, result.stderr]).toEqual([1, ""]);
    expect(result.stdout).toContain("support/leaky@v1:1:39");
    const log = JSON.parse(await readFile(path.join(dir, "ws.sarif"), "utf8")) as Json;
    expect(sarifProblems(log)).toEqual([]);
    expect(resultsOf(log).map((r) => (r.locations as { physicalLocation: { artifactLocation: { uri: string } } }[])[0]!.physicalLocation.artifactLocation.uri)).toContain("promptops://support/leaky@v1");
    const badKey = await cli(["lint", "--workspace", "--url", api.baseUrl], { cwd: dir, env: { PROMPTOPS_API_KEY: "pk_nope" } });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("Check the API key.");
  });
});
