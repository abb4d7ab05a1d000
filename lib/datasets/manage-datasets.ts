import "server-only";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import type { Dataset, DatasetCase, PlaygroundRun } from "@/db/schema";
import { recordAuditBy } from "@/lib/platform/audit/record";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { eq } from "drizzle-orm";
import { datasetCases, datasets } from "@/db/schema";
import { countCases, findCaseById, findDatasetById, findDatasetByName, lastCasePosition } from "./queries";
import {
  addCaseFromRunSchema,
  addCaseSchema,
  archiveDatasetSchema,
  createDatasetSchema,
  DATASET_LIMITS,
  deleteCaseSchema,
  updateCaseSchema,
  updateDatasetSchema,
} from "./schemas";

// Creating and editing datasets and their cases: the only module that writes them (the studio/one-writer lint rule
// enforces it). Every change checks the permission and the workspace, runs in one transaction with its audit entry
// (before/after), and bumps the dataset's updated time. Imports and seeds write through insertAuditedDataset and
// appendCases inside their own transaction.

const IMMEDIATE = { behavior: "immediate" } as const;

function insertDataset(tx: DbOrTx, values: typeof datasets.$inferInsert): Dataset {
  return tx.insert(datasets).values(values).returning().get();
}

function updateDatasetRow(tx: DbOrTx, { datasetId, values }: { datasetId: string; values: Partial<typeof datasets.$inferInsert> }): Dataset {
  return tx.update(datasets).set({ ...values, updatedAt: new Date() }).where(eq(datasets.id, datasetId)).returning().get();
}

/** Marks the dataset as changed, so lists sort it first. */
function touchDataset(tx: DbOrTx, { datasetId }: { datasetId: string }): void {
  tx.update(datasets).set({ updatedAt: new Date() }).where(eq(datasets.id, datasetId)).run();
}

function insertCases(tx: DbOrTx, values: (typeof datasetCases.$inferInsert)[]): DatasetCase[] {
  if (values.length === 0) return [];
  // SQLite caps bound parameters per statement; 200 rows × 9 columns stays well under it.
  const inserted: DatasetCase[] = [];
  for (let i = 0; i < values.length; i += 200) inserted.push(...tx.insert(datasetCases).values(values.slice(i, i + 200)).returning().all());
  return inserted;
}

function updateCaseRow(tx: DbOrTx, { caseId, values }: { caseId: string; values: Partial<typeof datasetCases.$inferInsert> }): DatasetCase {
  return tx.update(datasetCases).set({ ...values, updatedAt: new Date() }).where(eq(datasetCases.id, caseId)).returning().get();
}

function deleteCaseRow(tx: DbOrTx, { caseId }: { caseId: string }): void {
  tx.delete(datasetCases).where(eq(datasetCases.id, caseId)).run();
}

export function loadDataset(tx: DbOrTx, principal: { workspaceId: string }, datasetId: string): Dataset {
  const dataset = findDatasetById(tx, { datasetId });
  requireSameWorkspace(principal, dataset, "That dataset");
  return dataset;
}

function loadCase(tx: DbOrTx, principal: { workspaceId: string }, caseId: string): { dataset: Dataset; testCase: DatasetCase } {
  const testCase = findCaseById(tx, { caseId });
  if (!testCase) throw new AppError("not_found:dataset", "That case was not found in this workspace.");
  const dataset = loadDataset(tx, principal, testCase.datasetId);
  return { dataset, testCase };
}

function refuseTakenName(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const taken = findDatasetByName(tx, { workspaceId, name });
  if (taken && taken.id !== exceptId) throw new AppError("conflict:dataset", `A dataset named "${name}" already exists in this workspace.`);
}

function refuseOverCaseLimit(tx: DbOrTx, datasetId: string, adding: number) {
  const total = countCases(tx, { datasetId }) + adding;
  if (total > DATASET_LIMITS.maxCases) {
    throw new AppError("bad_request:dataset", `A dataset can hold at most ${DATASET_LIMITS.maxCases.toLocaleString("en")} cases; this would make ${total.toLocaleString("en")}.`);
  }
}

const caseSnapshot = (c: DatasetCase) => ({ position: c.position, variables: c.variables, expectedOutput: c.expectedOutput, tags: c.tags, note: c.note });

/** Inside an open transaction: a new dataset, audited. */
export function insertAuditedDataset(tx: DbOrTx, principal: Principal, input: { name: string; description: string; defaultScorers?: Dataset["defaultScorers"] }): Dataset {
  refuseTakenName(tx, principal.workspaceId, input.name);
  const dataset = insertDataset(tx, { workspaceId: principal.workspaceId, createdById: principal.user?.id ?? null, ...input });
  recordAuditBy(tx, principal, {
    action: "dataset.created",
    objectType: "dataset",
    objectId: dataset.id,
    after: { name: dataset.name, description: dataset.description, defaultScorers: dataset.defaultScorers },
  });
  return dataset;
}

export function createDataset(principal: Principal, raw: z.input<typeof createDatasetSchema>): { id: string; name: string } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(createDatasetSchema, raw);
  const dataset = getDb().transaction((tx) => insertAuditedDataset(tx, principal, input), IMMEDIATE);
  return { id: dataset.id, name: dataset.name };
}

export function updateDatasetDetails(principal: Principal, raw: z.input<typeof updateDatasetSchema>): { id: string; name: string } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(updateDatasetSchema, raw);
  return getDb().transaction((tx) => {
    const before = loadDataset(tx, principal, input.datasetId);
    refuseTakenName(tx, principal.workspaceId, input.name, before.id);
    const after = updateDatasetRow(tx, { datasetId: before.id, values: { name: input.name, description: input.description } });
    recordAuditBy(tx, principal, {
      action: "dataset.updated",
      objectType: "dataset",
      objectId: before.id,
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    });
    return { id: after.id, name: after.name };
  }, IMMEDIATE);
}

export function setDatasetArchived(principal: Principal, raw: z.input<typeof archiveDatasetSchema>): { id: string; archived: boolean } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(archiveDatasetSchema, raw);
  return getDb().transaction((tx) => {
    const dataset = loadDataset(tx, principal, input.datasetId);
    updateDatasetRow(tx, { datasetId: dataset.id, values: { archivedAt: input.archived ? new Date() : null } });
    recordAuditBy(tx, principal, { action: input.archived ? "dataset.archived" : "dataset.unarchived", objectType: "dataset", objectId: dataset.id });
    return { id: dataset.id, archived: input.archived };
  }, IMMEDIATE);
}

export function addCase(principal: Principal, raw: z.input<typeof addCaseSchema>): { id: string; position: number } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(addCaseSchema, raw);
  return getDb().transaction((tx) => {
    const dataset = loadDataset(tx, principal, input.datasetId);
    const {
      inserted: [created],
    } = appendCases(tx, dataset, [
      { variables: input.fields.variables ?? {}, expectedOutput: input.fields.expectedOutput ?? null, tags: input.fields.tags ?? [], note: input.fields.note ?? "" },
    ]);
    recordAuditBy(tx, principal, { action: "dataset.case_added", objectType: "dataset_case", objectId: created!.id, after: caseSnapshot(created!) });
    return { id: created!.id, position: created!.position };
  }, IMMEDIATE);
}

export function updateCase(principal: Principal, raw: z.input<typeof updateCaseSchema>): DatasetCase {
  requirePermission(principal, "datasets:write");
  const input = parseInput(updateCaseSchema, raw);
  return getDb().transaction((tx) => {
    const { testCase } = loadCase(tx, principal, input.caseId);
    const after = updateCaseRow(tx, { caseId: testCase.id, values: input.fields });
    touchDataset(tx, { datasetId: testCase.datasetId });
    recordAuditBy(tx, principal, {
      action: "dataset.case_updated",
      objectType: "dataset_case",
      objectId: testCase.id,
      before: caseSnapshot(testCase),
      after: caseSnapshot(after),
    });
    return after;
  }, IMMEDIATE);
}

/** Runs that used the case keep their own copy (eval_run_cases), so deleting it loses no result. */
export function deleteCase(principal: Principal, raw: z.input<typeof deleteCaseSchema>): { id: string } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(deleteCaseSchema, raw);
  return getDb().transaction((tx) => {
    const { testCase } = loadCase(tx, principal, input.caseId);
    deleteCaseRow(tx, { caseId: testCase.id });
    touchDataset(tx, { datasetId: testCase.datasetId });
    recordAuditBy(tx, principal, { action: "dataset.case_deleted", objectType: "dataset_case", objectId: testCase.id, before: caseSnapshot(testCase) });
    return { id: testCase.id };
  }, IMMEDIATE);
}

/** Reads a playground run inside the caller's transaction. The playground passes it in: it sits above datasets. */
export type RunReader = (tx: DbOrTx, runId: string) => PlaygroundRun | undefined;

/**
 * Saves a playground run as a test case: its variables, and its output as the expected output unless asked not
 * to. Into an existing dataset, or a new one created in the same transaction.
 */
export function addCaseFromRun(
  principal: Principal,
  raw: z.input<typeof addCaseFromRunSchema>,
  readRun: RunReader,
): { datasetId: string; datasetName: string; caseId: string; position: number } {
  requirePermission(principal, "datasets:write");
  const input = parseInput(addCaseFromRunSchema, raw);
  if (!input.datasetId && !input.newDatasetName) throw new AppError("bad_request:dataset", "Choose a dataset or name a new one.");
  return getDb().transaction((tx) => {
    const run = readRun(tx, input.runId);
    requireSameWorkspace(principal, run, "That playground run");
    if (run.status !== "succeeded") throw new AppError("bad_request:dataset", "Only a finished run can become a test case.");
    const dataset = input.datasetId
      ? loadDataset(tx, principal, input.datasetId)
      : insertAuditedDataset(tx, principal, { name: input.newDatasetName!, description: "Cases saved from the playground." });
    if (dataset.archivedAt) throw new AppError("bad_request:dataset", `The dataset "${dataset.name}" is archived.`);
    const {
      inserted: [created],
    } = appendCases(tx, dataset, [
      {
        variables: run.variables,
        expectedOutput: input.useOutputAsExpected ? run.output : null,
        tags: ["from-playground"],
        note: `Saved from a playground run on ${run.modelId}.`,
        sourceRunId: run.id,
      },
    ]);
    recordAuditBy(tx, principal, { action: "dataset.case_added", objectType: "dataset_case", objectId: created!.id, after: { ...caseSnapshot(created!), sourceRunId: run.id } });
    return { datasetId: dataset.id, datasetName: dataset.name, caseId: created!.id, position: created!.position };
  }, IMMEDIATE);
}

/** A new case's fields: everything but where it goes. */
export type NewCase = Omit<typeof datasetCases.$inferInsert, "id" | "datasetId" | "position" | "createdAt" | "updatedAt">;

/**
 * Inside an open transaction: appends cases after the dataset's last one (within the case limit) and marks the
 * dataset changed. The caller has loaded the dataset for its principal and writes its own audit entry.
 */
export function appendCases(tx: DbOrTx, dataset: Dataset, cases: NewCase[]): { firstPosition: number; inserted: DatasetCase[] } {
  refuseOverCaseLimit(tx, dataset.id, cases.length);
  const firstPosition = lastCasePosition(tx, { datasetId: dataset.id }) + 1;
  const inserted = insertCases(tx, cases.map((fields, i) => ({ ...fields, datasetId: dataset.id, position: firstPosition + i })));
  touchDataset(tx, { datasetId: dataset.id });
  return { firstPosition, inserted };
}
