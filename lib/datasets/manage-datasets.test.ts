// Datasets on a real SQLite file: editing, audit, the two-step import, export round trips and cases from
// playground runs (a real run over HTTP to the fixture server).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { isAppError } from "@/lib/core/errors";
import { executeRun } from "@/lib/playground/execute-run";
import { prepareRun } from "@/lib/playground/prepare-run";
import { makeWorkspace } from "@/lib/testing/factories";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { casesToCsv, casesToJsonl } from "./export";
import { importCases, previewImport } from "./import/import-cases";
import { findRunById } from "@/lib/playground/queries";
import { addCase, addCaseFromRun, createDataset, deleteCase, setDatasetArchived, updateCase, updateDatasetDetails, type RunReader } from "./manage-datasets";
import { listCases, listDatasets } from "./queries";

const server = setUpFixtureLlmServer({ latencyMs: 1 });

async function team() {
  const { workspace, members } = await makeWorkspace(["editor", "viewer"]);
  return { workspace, editor: userPrincipal(members[0]!.ctx), viewer: userPrincipal(members[1]!.ctx) };
}

async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("expected an error");
}

const audit = async (objectId: string) => (await getDb().select().from(auditLog).where(eq(auditLog.objectId, objectId))).map((a) => a.action);

const readRun: RunReader = async (tx, runId) => findRunById(tx, { runId });

describe("datasets and cases", () => {
  it("creates, renames and archives a dataset with audit entries; names are unique per workspace", async () => {
    const { workspace, editor } = await team();
    const { id } = await createDataset(editor, { name: "smoke", description: "first" });
    expect((await thrown(createDataset(editor, { name: "smoke" }))).code).toBe("conflict:dataset");
    await updateDatasetDetails(editor, { datasetId: id, name: "smoke-v2", description: "renamed" });
    await setDatasetArchived(editor, { datasetId: id, archived: true });
    expect(await listDatasets({ workspaceId: workspace.id })).toHaveLength(0);
    expect((await listDatasets({ workspaceId: workspace.id, includeArchived: true }))[0]).toMatchObject({ name: "smoke-v2", caseCount: 0 });
    expect(await audit(id)).toEqual(["dataset.created", "dataset.updated", "dataset.archived"]);
  });

  it("adds, edits and deletes cases, auditing before and after", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "cases" });
    const first = await addCase(editor, { datasetId: id, fields: { variables: { city: "Paris" }, expectedOutput: "France" } });
    const second = await addCase(editor, { datasetId: id });
    expect(second.position).toBe(first.position + 1);
    await updateCase(editor, { caseId: first.id, fields: { tags: ["geo"], note: "capital" } });
    await deleteCase(editor, { caseId: second.id });
    const cases = await listCases(getDb(), { datasetId: id });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ variables: { city: "Paris" }, expectedOutput: "France", tags: ["geo"], note: "capital" });
    const [update] = await getDb().select().from(auditLog).where(and(eq(auditLog.objectId, first.id), eq(auditLog.action, "dataset.case_updated")));
    expect(update!.before).toMatchObject({ tags: [] });
    expect(update!.after).toMatchObject({ tags: ["geo"], note: "capital" });
    expect(await audit(second.id)).toEqual(["dataset.case_added", "dataset.case_deleted"]);
  });

  it("refuses a viewer and another workspace, and bad variable names", async () => {
    const { editor, viewer } = await team();
    const other = await team();
    const { id } = await createDataset(editor, { name: "guarded" });
    expect((await thrown(addCase(viewer, { datasetId: id }))).code).toBe("forbidden:workspace");
    expect((await thrown(addCase(other.editor, { datasetId: id }))).code).toBe("not_found:workspace");
    expect((await thrown(addCase(editor, { datasetId: id, fields: { variables: { "bad name": "x" } } }))).message).toMatch(/letters, digits/);
  });
});

describe("import", () => {
  const csv = 'city,expected,tags,notes\nParis,France,"geo, eu",capital\n"Lyon, centre","France",geo,"a ""quoted""\nnote"\n';

  it("previews a CSV with a suggested mapping, then imports every row in order", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "imported" });
    const preview = await previewImport(editor, id, { fileName: "cities.csv", text: csv });
    expect(preview).toMatchObject({ format: "csv", columns: ["city", "expected", "tags", "notes"], rowCount: 2 });
    expect(preview.mapping).toEqual({ city: "variable", expected: "expected", tags: "tags", notes: "note" });
    expect(preview.sample[1]).toEqual({ line: 3, cells: { city: "Lyon, centre", expected: "France", tags: "geo", notes: 'a "quoted"\nnote' } });
    expect(await listCases(getDb(), { datasetId: id })).toHaveLength(0);

    expect(await importCases(editor, id, { fileName: "cities.csv", text: csv, mapping: preview.mapping })).toEqual({ imported: 2, firstPosition: 1 });
    const cases = await listCases(getDb(), { datasetId: id });
    expect(cases.map((c) => [c.position, c.variables, c.expectedOutput, c.tags, c.note])).toEqual([
      [1, { city: "Paris" }, "France", ["geo", "eu"], "capital"],
      [2, { city: "Lyon, centre" }, "France", ["geo"], 'a "quoted"\nnote'],
    ]);
    expect(await audit(id)).toContain("dataset.cases_imported");
  });

  it("names the line of a bad row and imports nothing", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "strict" });
    const bad = "city,expected\nParis,France\nRome,Italy,extra\nBerlin,Germany\n";
    const error = await thrown(importCases(editor, id, { fileName: "bad.csv", text: bad, mapping: { city: "variable", expected: "expected" } }));
    expect(error.message).toBe("Line 3: the row has more cells than there are columns. Nothing was imported.");
    const jsonl = '{"vars": {"q": "ok"}}\n{"vars": {"q": "ok"}}\n{not json}\n';
    expect((await thrown(previewImport(editor, id, { fileName: "bad.jsonl", text: jsonl }))).message).toMatch(/^Line 3: not valid JSON/);
    const tooLong = `q\n${"x".repeat(100_001)}\n`;
    expect((await thrown(importCases(editor, id, { fileName: "long.csv", text: tooLong, mapping: { q: "variable" } }))).message).toMatch(/^Line 2: variables\.q: A value is longer/);
    expect(await listCases(getDb(), { datasetId: id })).toHaveLength(0);
  });

  it("refuses a file that is not CSV or JSONL, a mapping without variables, and an oversize file", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "limits" });
    expect((await thrown(previewImport(editor, id, { fileName: "data.xlsx", text: "x" }))).message).toBe("Choose a .csv or .jsonl file.");
    expect((await thrown(importCases(editor, id, { fileName: "a.csv", text: "a\n1\n", mapping: { a: "note" } }))).message).toMatch(/map at least one column to a variable/);
    expect((await thrown(previewImport(editor, id, { fileName: "big.csv", text: `a\n${"y".repeat(5 * 1024 * 1024)}\n` }))).code).toBe("too_large:dataset");
  });

  it("refuses hostile files fast: JSON nested past 64 levels, and more columns than a file can have", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "hostile" });
    // 2.5 million levels in one 5 MB line: JSON.parse copes, but storing the cell (JSON.stringify) overflowed the stack.
    const deep = `{"vars": {"q": "ok"}}\n{"vars": {"q": ${"[".repeat(2_500_000)}${"]".repeat(2_500_000)}}}\n`;
    expect((await thrown(previewImport(editor, id, { fileName: "deep.jsonl", text: deep }))).message).toBe("Line 2: nested more than 64 levels deep. Nothing was imported.");
    const nested = (n: number) => `${"[".repeat(n)}"x"${"]".repeat(n)}`;
    expect(await importCases(editor, id, { fileName: "ok.jsonl", text: `{"q": ${nested(60)}}\n`, mapping: { q: "variable" } })).toMatchObject({ imported: 1 });
    const wideRow = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 1]));
    const wide = `${JSON.stringify(wideRow)}\n${'{"k1": 2}\n'.repeat(9_000)}`;
    expect(await thrown(previewImport(editor, id, { fileName: "wide.jsonl", text: wide }))).toMatchObject({ code: "too_large:dataset", message: "The file has 10,000 columns; an imported file can have at most 200." });
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    const wideCsv = `${header}\n${`${"1,".repeat(9_999)}1\n`.repeat(200)}`;
    expect(await thrown(previewImport(editor, id, { fileName: "wide.csv", text: wideCsv }))).toMatchObject({ code: "too_large:dataset", message: "The file has 10,000 columns; an imported file can have at most 200." });
    expect(await listCases(getDb(), { datasetId: id })).toHaveLength(1);
  });

  it("round-trips through CSV and JSONL exports", async () => {
    const { editor } = await team();
    const { id } = await createDataset(editor, { name: "round-trip" });
    await addCase(editor, { datasetId: id, fields: { variables: { q: "=SUM(A1)", lang: "fr" }, expectedOutput: "Bonjour,\n\"monde\"", tags: ["a", "b"], note: "n" } });
    await addCase(editor, { datasetId: id, fields: { variables: { q: "plain" }, expectedOutput: null } });
    const original = await listCases(getDb(), { datasetId: id });
    const csvOut = casesToCsv(original);
    expect(csvOut.split("\n")[0]).toBe("q,lang,expected_output,tags,note");
    expect(csvOut).toContain(`"'=SUM(A1)"`);

    const fromJsonl = await createDataset(editor, { name: "from-jsonl" });
    await importCases(editor, fromJsonl.id, { fileName: "x.jsonl", text: casesToJsonl(original), mapping: { q: "variable", lang: "variable", expected_output: "expected", tags: "tags", note: "note" } });
    const copied = await listCases(getDb(), { datasetId: fromJsonl.id });
    expect(copied.map((c) => [c.variables, c.expectedOutput, c.tags, c.note])).toEqual([
      [{ q: "=SUM(A1)", lang: "fr" }, 'Bonjour,\n"monde"', ["a", "b"], "n"],
      [{ q: "plain" }, null, [], ""],
    ]);
  });
});

describe("cases from the playground", () => {
  it("saves a run's variables and output into a new or existing dataset, and refuses another workspace's run", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const { runId } = await executeRun({ prepared: await prepareRun(editor, input()) });
    const run = { id: runId };
    const principal = userPrincipal(editor);
    const saved = await addCaseFromRun(principal, { runId: run.id, newDatasetName: "from-playground" }, readRun);
    const [testCase] = await listCases(getDb(), { datasetId: saved.datasetId });
    expect(testCase).toMatchObject({ variables: { name: "Ada" }, expectedOutput: "Echo: Say hello to Ada.", sourceRunId: run.id, tags: ["from-playground"] });
    const again = await addCaseFromRun(principal, { runId: run.id, datasetId: saved.datasetId, useOutputAsExpected: false }, readRun);
    expect(again.position).toBe(2);
    expect((await listCases(getDb(), { datasetId: saved.datasetId }))[1]!.expectedOutput).toBeNull();
    const stranger = await team();
    expect((await thrown(addCaseFromRun(stranger.editor, { runId: run.id, newDatasetName: "stolen" }, readRun))).code).toBe("not_found:workspace");
  });
});
