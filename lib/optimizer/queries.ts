import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { first } from "@/db/first";
import { datasetCases, datasets, optimizationCandidates, optimizationRuns, type OptimizationCandidate, type OptimizationRun } from "@/db/schema";
import type { OptimizerCase } from "./types";

// Reads of optimizations and what they run on; the writes are manage-optimizations.ts.

export function findOptimization(tx: DbOrTx, { runId }: { runId: string }): Promise<OptimizationRun | undefined> {
  return first(tx.select().from(optimizationRuns).where(eq(optimizationRuns.id, runId)));
}

export function findOptimizationCandidate(tx: DbOrTx, { runId, key }: { runId: string; key: string }): Promise<OptimizationCandidate | undefined> {
  return first(tx.select().from(optimizationCandidates).where(and(eq(optimizationCandidates.runId, runId), eq(optimizationCandidates.key, key))));
}

export function listOptimizationCandidates(tx: DbOrTx, { runId }: { runId: string }): Promise<OptimizationCandidate[]> {
  return tx.select().from(optimizationCandidates).where(eq(optimizationCandidates.runId, runId)).orderBy(asc(optimizationCandidates.round), asc(optimizationCandidates.createdAt));
}

export function listOptimizationsOfPrompt(tx: DbOrTx, { promptId, limit = 50 }: { promptId: string; limit?: number }): Promise<OptimizationRun[]> {
  return tx.select().from(optimizationRuns).where(eq(optimizationRuns.promptId, promptId)).orderBy(desc(optimizationRuns.createdAt)).limit(limit);
}

export async function findOptimizationDataset(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return first(tx.select().from(datasets).where(eq(datasets.id, datasetId)));
}

export async function countDatasetCases(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<number> {
  const row = await first(tx.select({ n: count() }).from(datasetCases).where(eq(datasetCases.datasetId, datasetId)));
  return Number(row?.n ?? 0);
}

/**
 * A dataset's cases as the optimizer sees them. The stratum is the case's first tag (its label, in a classification
 * dataset), so the split keeps each label's share in train, validation and held-out.
 */
export async function listOptimizerCases(tx: DbOrTx, { datasetId }: { datasetId: string }): Promise<OptimizerCase[]> {
  const rows = await tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position), asc(datasetCases.createdAt));
  return rows.map((row) => ({ id: row.id, variables: row.variables, expected: row.expectedOutput, stratum: row.tags[0] ?? null }));
}

/** Runs a worker may take up, oldest first. */
export async function listClaimableOptimizations(tx: DbOrTx, { limit }: { limit: number }): Promise<string[]> {
  const rows = await tx
    .select({ id: optimizationRuns.id })
    .from(optimizationRuns)
    .where(inArray(optimizationRuns.status, ["queued", "interrupted"]))
    .orderBy(asc(optimizationRuns.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
