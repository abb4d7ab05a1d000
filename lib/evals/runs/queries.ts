import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { sqliteOf, type Db, type DbOrTx } from "@/db";
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

// Reads behind creating and running eval runs (the writes are manage-runs.ts and manage-progress.ts); the reads pages and the API use are in
// read-runs.ts. Aggregates are SQL over the (run_id, status) and (run_id, scorer_key) indexes.

// ----------------------------------------------------------------------------------------------------------------
// Creating a run

export function findRunDataset(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasets).where(eq(datasets.id, datasetId)).get();
}

export function findRunDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }) {
  return tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))).get();
}

export function listRunDatasetCases(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position), asc(datasetCases.createdAt)).all();
}

// ----------------------------------------------------------------------------------------------------------------
// One run

export function findEvalRun(tx: DbOrTx, { runId }: { runId: string }): EvalRun | undefined {
  return tx.select().from(evalRuns).where(eq(evalRuns.id, runId)).get();
}

/** The targets of these runs, each with its prompt's name and its environment's, in position order. */
export function listTargetsOfRuns(tx: DbOrTx, { runIds }: { runIds: string[] }) {
  return tx
    .select({
      ...columnsOf(evalRunTargets, ["id", "runId", "position", "promptId", "version", "environmentId", "modelId"]),
      promptName: prompts.name,
      environmentName: environments.name,
      environmentSlug: environments.slug,
    })
    .from(evalRunTargets)
    .innerJoin(prompts, eq(prompts.id, evalRunTargets.promptId))
    .leftJoin(environments, eq(environments.id, evalRunTargets.environmentId))
    .where(inArray(evalRunTargets.runId, runIds))
    .orderBy(asc(evalRunTargets.position))
    .all();
}

export function listEvalRunTargets(tx: DbOrTx, { runId }: { runId: string }) {
  return listTargetsOfRuns(tx, { runIds: [runId] });
}
export type EvalRunTargetView = ReturnType<typeof listEvalRunTargets>[number];

export function listEvalRunCases(tx: DbOrTx, { runId }: { runId: string }) {
  return tx.select().from(evalRunCases).where(eq(evalRunCases.runId, runId)).orderBy(asc(evalRunCases.position)).all();
}

/** The (target, case) pairs that already have a result: a resumed run skips them. */
export function listFinishedPairs(db: Db, { runId }: { runId: string }): Set<string> {
  const rows = sqliteOf(db).prepare("SELECT target_id AS t, run_case_id AS c FROM eval_results WHERE run_id = ?").all(runId) as { t: string; c: string }[];
  return new Set(rows.map((row) => `${row.t}|${row.c}`));
}

// ----------------------------------------------------------------------------------------------------------------
// Run lifecycle (the worker). Each is one conditional UPDATE, so two processes can never both hold a run.

/** Runs waiting for a worker, oldest first. */
export function listClaimableEvalRuns(db: Db, { limit }: { limit: number }): string[] {
  const rows = sqliteOf(db)
    .prepare("SELECT id FROM eval_runs WHERE status IN ('queued', 'interrupted') ORDER BY created_at LIMIT ?")
    .all(limit) as { id: string }[];
  return rows.map((row) => row.id);
}

