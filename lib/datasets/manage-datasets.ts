import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
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

function insertDataset(tx: DbOrTx, values: typeof datasets.$inferInsert): Promise<Dataset> {
  return only(tx.insert(datasets).values(values).returning());
}

function updateDatasetRow(tx: DbOrTx, { datasetId, values }: { datasetId: string; values: Partial<typeof datasets.$inferInsert> }): Promise<Dataset> {
  return only(tx.update(datasets).set({ ...values, updatedAt: new Date() }).where(eq(datasets.id, datasetId)).returning());
}

/** Marks the dataset as changed, so lists sort it first. */
async function touchDataset(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<void> {
  await tx.update(datasets).set({ updatedAt: new Date() }).where(eq(datasets.id, datasetId));
}

async function insertCases(tx: DbOrTx, values: (typeof datasetCases.$inferInsert)[]): Promise<DatasetCase[]> {
  if (values.length === 0) return [];
  // SQLite caps bound parameters per statement; 200 rows × 9 columns stays well under it.
  const inserted: DatasetCase[] = [];
  for (let i = 0; i < values.length; i += 200) inserted.push(...(await tx.insert(datasetCases).values(values.slice(i, i + 200)).returning()));
  return inserted;
}

function updateCaseRow(tx: DbOrTx, { caseId, values }: { caseId: string; values: Partial<typeof datasetCases.$inferInsert> }): Promise<DatasetCase> {
  return only(tx.update(datasetCases).set({ ...values, updatedAt: new Date() }).where(eq(datasetCases.id, caseId)).returning());
}

async function deleteCaseRow(tx: DbOrTx, { caseId }: { caseId: string }): Promise<void> {
  await tx.delete(datasetCases).where(eq(datasetCases.id, caseId));
}

export async function loadDataset(tx: DbOrTx, principal: { workspaceId: string }, datasetId: string): Promise<Dataset> {
  const dataset = await findDatasetById(tx, { datasetId });
  requireSameWorkspace(principal, dataset, "That dataset");
  return dataset;
}

async function loadCase(tx: DbOrTx, principal: { workspaceId: string }, caseId: string): Promise<{ dataset: Dataset; testCase: DatasetCase }> {
  const testCase = await findCaseById(tx, { caseId });
  if (!testCase) throw new AppError("not_found:dataset", "That case was not found in this workspace.");
  const dataset = await loadDataset(tx, principal, testCase.datasetId);
  return { dataset, testCase };
}

async function refuseTakenName(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await findDatasetByName(tx, { workspaceId, name });
  if (taken && taken.id !== exceptId) throw new AppError("conflict:dataset", `A dataset named "${name}" already exists in this workspace.`);
}

async function refuseOverCaseLimit(tx: DbOrTx, datasetId: string, adding: number): Promise<void> {
  const total = (await countCases(tx, { datasetId })) + adding;
  if (total > DATASET_LIMITS.maxCases) {
    throw new AppError("bad_request:dataset", `A dataset can hold at most ${DATASET_LIMITS.maxCases.toLocaleString("en")} cases; this would make ${total.toLocaleString("en")}.`);
  }
}

const caseSnapshot = (c: DatasetCase) => ({ position: c.position, variables: c.variables, expectedOutput: c.expectedOutput, tags: c.tags, note: c.note });

/** Inside an open transaction: a new dataset, audited. */
export async function insertAuditedDataset(
  tx: DbOrTx,
  principal: Principal,
  input: { name: string; description: string; defaultScorers?: Dataset["defaultScorers"]; redTeam?: Dataset["redTeam"] },
): Promise<Dataset> {
  await refuseTakenName(tx, principal.workspaceId, input.name);
  const dataset = await insertDataset(tx, { workspaceId: principal.workspaceId, createdById: principal.user?.id ?? null, ...input });
  await recordAuditBy(tx, principal, {
    action: "dataset.created",
    objectType: "dataset",
    objectId: dataset.id,
    after: { name: dataset.name, description: dataset.description, defaultScorers: dataset.defaultScorers, ...(dataset.redTeam ? { redTeam: dataset.redTeam } : {}) },
  });
  return dataset;
}

export async function createDataset(principal: Principal, raw: z.input<typeof createDatasetSchema>): Promise<{ id: string; name: string }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(createDatasetSchema, raw);
  const dataset = await transaction((tx) => insertAuditedDataset(tx, principal, input));
  return { id: dataset.id, name: dataset.name };
}

export async function updateDatasetDetails(principal: Principal, raw: z.input<typeof updateDatasetSchema>): Promise<{ id: string; name: string }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(updateDatasetSchema, raw);
  return transaction(async (tx) => {
    const before = await loadDataset(tx, principal, input.datasetId);
    await refuseTakenName(tx, principal.workspaceId, input.name, before.id);
    const after = await updateDatasetRow(tx, { datasetId: before.id, values: { name: input.name, description: input.description } });
    await recordAuditBy(tx, principal, {
      action: "dataset.updated",
      objectType: "dataset",
      objectId: before.id,
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    });
    return { id: after.id, name: after.name };
  });
}

export async function setDatasetArchived(principal: Principal, raw: z.input<typeof archiveDatasetSchema>): Promise<{ id: string; archived: boolean }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(archiveDatasetSchema, raw);
  return transaction(async (tx) => {
    const dataset = await loadDataset(tx, principal, input.datasetId);
    await updateDatasetRow(tx, { datasetId: dataset.id, values: { archivedAt: input.archived ? new Date() : null } });
    await recordAuditBy(tx, principal, { action: input.archived ? "dataset.archived" : "dataset.unarchived", objectType: "dataset", objectId: dataset.id });
    return { id: dataset.id, archived: input.archived };
  });
}

export async function addCase(principal: Principal, raw: z.input<typeof addCaseSchema>): Promise<{ id: string; position: number }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(addCaseSchema, raw);
  return transaction(async (tx) => {
    const dataset = await loadDataset(tx, principal, input.datasetId);
    const {
      inserted: [created],
    } = await appendCases(tx, dataset, [
      { variables: input.fields.variables ?? {}, expectedOutput: input.fields.expectedOutput ?? null, tags: input.fields.tags ?? [], note: input.fields.note ?? "" },
    ]);
    await recordAuditBy(tx, principal, { action: "dataset.case_added", objectType: "dataset_case", objectId: created!.id, after: caseSnapshot(created!) });
    return { id: created!.id, position: created!.position };
  });
}

export async function updateCase(principal: Principal, raw: z.input<typeof updateCaseSchema>): Promise<DatasetCase> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(updateCaseSchema, raw);
  return transaction(async (tx) => {
    const { testCase } = await loadCase(tx, principal, input.caseId);
    const after = await updateCaseRow(tx, { caseId: testCase.id, values: input.fields });
    await touchDataset(tx, { datasetId: testCase.datasetId });
    await recordAuditBy(tx, principal, {
      action: "dataset.case_updated",
      objectType: "dataset_case",
      objectId: testCase.id,
      before: caseSnapshot(testCase),
      after: caseSnapshot(after),
    });
    return after;
  });
}

/** Runs that used the case keep their own copy (eval_run_cases), so deleting it loses no result. */
export async function deleteCase(principal: Principal, raw: z.input<typeof deleteCaseSchema>): Promise<{ id: string }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(deleteCaseSchema, raw);
  return transaction(async (tx) => {
    const { testCase } = await loadCase(tx, principal, input.caseId);
    await deleteCaseRow(tx, { caseId: testCase.id });
    await touchDataset(tx, { datasetId: testCase.datasetId });
    await recordAuditBy(tx, principal, { action: "dataset.case_deleted", objectType: "dataset_case", objectId: testCase.id, before: caseSnapshot(testCase) });
    return { id: testCase.id };
  });
}

/** Reads a playground run inside the caller's transaction. The playground passes it in: it sits above datasets. */
export type RunReader = (tx: DbOrTx, runId: string) => Promise<PlaygroundRun | undefined>;

/**
 * Saves a playground run as a test case: its variables, and its output as the expected output unless asked not
 * to. Into an existing dataset, or a new one created in the same transaction.
 */
export async function addCaseFromRun(
  principal: Principal,
  raw: z.input<typeof addCaseFromRunSchema>,
  readRun: RunReader,
): Promise<{ datasetId: string; datasetName: string; caseId: string; position: number }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(addCaseFromRunSchema, raw);
  if (!input.datasetId && !input.newDatasetName) throw new AppError("bad_request:dataset", "Choose a dataset or name a new one.");
  return transaction(async (tx) => {
    const run = await readRun(tx, input.runId);
    requireSameWorkspace(principal, run, "That playground run");
    if (run.status !== "succeeded") throw new AppError("bad_request:dataset", "Only a finished run can become a test case.");
    const dataset = input.datasetId
      ? await loadDataset(tx, principal, input.datasetId)
      : await insertAuditedDataset(tx, principal, { name: input.newDatasetName!, description: "Cases saved from the playground." });
    if (dataset.archivedAt) throw new AppError("bad_request:dataset", `The dataset "${dataset.name}" is archived.`);
    const {
      inserted: [created],
    } = await appendCases(tx, dataset, [
      {
        variables: run.variables,
        expectedOutput: input.useOutputAsExpected ? run.output : null,
        tags: ["from-playground"],
        note: `Saved from a playground run on ${run.modelId}.`,
        sourceRunId: run.id,
      },
    ]);
    await recordAuditBy(tx, principal, { action: "dataset.case_added", objectType: "dataset_case", objectId: created!.id, after: { ...caseSnapshot(created!), sourceRunId: run.id } });
    return { datasetId: dataset.id, datasetName: dataset.name, caseId: created!.id, position: created!.position };
  });
}

/** A new case's fields: everything but where it goes. */
export type NewCase = Omit<typeof datasetCases.$inferInsert, "id" | "datasetId" | "position" | "createdAt" | "updatedAt">;

/**
 * Inside an open transaction: appends cases after the dataset's last one (within the case limit) and marks the
 * dataset changed. The caller has loaded the dataset for its principal and writes its own audit entry.
 */
export async function appendCases(tx: DbOrTx, dataset: Dataset, cases: NewCase[]): Promise<{ firstPosition: number; inserted: DatasetCase[] }> {
  await refuseOverCaseLimit(tx, dataset.id, cases.length);
  const firstPosition = (await lastCasePosition(tx, { datasetId: dataset.id })) + 1;
  const inserted = await insertCases(tx, cases.map((fields, i) => ({ ...fields, datasetId: dataset.id, position: firstPosition + i })));
  await touchDataset(tx, { datasetId: dataset.id });
  return { firstPosition, inserted };
}
