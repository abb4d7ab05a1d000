import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import {
  datasetCases,
  datasets,
  evalRunCases,
  evalRuns,
  evalRunTargets,
  environments,
  prompts,
  type EvalRun,
} from "@/db/schema";
import { columnsOf } from "@/db/columns-of";
import { first } from "@/db/first";

// Reads behind creating and running eval runs (the writes are manage-runs.ts and manage-progress.ts); the reads pages and the API use are in
// read-runs.ts. Aggregates are SQL over the (run_id, status) and (run_id, scorer_key) indexes.

// ----------------------------------------------------------------------------------------------------------------
// Creating a run

export function findRunDataset(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return first(tx.select().from(datasets).where(eq(datasets.id, datasetId)));
}

export function findRunDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }) {
  return first(tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))));
}

export async function listRunDatasetCases(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position), asc(datasetCases.createdAt));
}

// ----------------------------------------------------------------------------------------------------------------
// One run

export function findEvalRun(tx: DbOrTx, { runId }: { runId: string }): Promise<EvalRun | undefined> {
  return first(tx.select().from(evalRuns).where(eq(evalRuns.id, runId)));
}

/** The targets of these runs, each with its prompt's name and its environment's, in position order. */
export async function listTargetsOfRuns(tx: DbOrTx, { runIds }: { runIds: string[] }) {
  return tx
    .select({
      ...columnsOf(evalRunTargets, ["id", "runId", "position", "promptId", "version", "environmentId", "modelId", "content"]),
      promptName: prompts.name,
      environmentName: environments.name,
      environmentSlug: environments.slug,
    })
    .from(evalRunTargets)
    .innerJoin(prompts, eq(prompts.id, evalRunTargets.promptId))
    .leftJoin(environments, eq(environments.id, evalRunTargets.environmentId))
    .where(inArray(evalRunTargets.runId, runIds))
    .orderBy(asc(evalRunTargets.position));
}

export function listEvalRunTargets(tx: DbOrTx, { runId }: { runId: string }) {
  return listTargetsOfRuns(tx, { runIds: [runId] });
}
export type EvalRunTargetView = Awaited<ReturnType<typeof listEvalRunTargets>>[number];

export async function listEvalRunCases(tx: DbOrTx, { runId }: { runId: string }) {
  return tx.select().from(evalRunCases).where(eq(evalRunCases.runId, runId)).orderBy(asc(evalRunCases.position));
}

// ----------------------------------------------------------------------------------------------------------------
// Run lifecycle (the worker).

/**
 * Runs a worker may take up, oldest first: waiting ones, and running ones, which several processes share (the
 * runner leaves at once a run whose cases are all in other hands).
 */
export async function listClaimableEvalRuns(db: Db, { limit }: { limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: evalRuns.id })
    .from(evalRuns)
    .where(inArray(evalRuns.status, ["queued", "interrupted", "running"]))
    .orderBy(asc(evalRuns.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

