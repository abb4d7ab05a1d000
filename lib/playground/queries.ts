import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { playgroundRuns, users, variableSets, type PlaygroundRun, type RunStatus, type VariableSet } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

export const RUN_HISTORY_PAGE_SIZE = 20;

export function findRunById(tx: DbOrTx, { runId }: { runId: string }): Promise<PlaygroundRun | undefined> {
  return first(tx.select().from(playgroundRuns).where(eq(playgroundRuns.id, runId)));
}

/** The columns started together by one press of Run, in column order. */
export async function listBatchRuns(tx: DbOrTx, { batchId, workspaceId }: { batchId: string; workspaceId: string }): Promise<PlaygroundRun[]> {
  return tx
    .select()
    .from(playgroundRuns)
    .where(and(eq(playgroundRuns.batchId, batchId), eq(playgroundRuns.workspaceId, workspaceId)))
    .orderBy(asc(playgroundRuns.columnIndex), asc(playgroundRuns.createdAt));
}

export interface RunHistoryFilter {
  promptId: string;
  modelId?: string;
  status?: RunStatus;
  page?: number;
}

/** One page of a prompt's runs, newest first, with who ran each. */
export async function listRuns({ promptId, modelId, status, page = 1 }: RunHistoryFilter) {
  const conditions: SQL[] = [eq(playgroundRuns.promptId, promptId)];
  if (modelId) conditions.push(eq(playgroundRuns.modelId, modelId));
  if (status) conditions.push(eq(playgroundRuns.status, status));
  const where = and(...conditions);
  const db = getDb();
  const rowsQuery = db
    .select({
      ...columnsOf(playgroundRuns, ["id", "batchId", "createdAt"]),
      userName: users.name,
      ...columnsOf(playgroundRuns, ["version", "modelId", "status", "latencyMs", "timeToFirstTokenMs", "inputTokens", "outputTokens", "costUsd"]),
      outputPreview: sql<string>`substr(${playgroundRuns.output}, 1, 160)`,
      errorMessage: playgroundRuns.errorMessage,
    })
    .from(playgroundRuns)
    .leftJoin(users, eq(users.id, playgroundRuns.userId))
    .where(where)
    .orderBy(desc(playgroundRuns.createdAt), desc(playgroundRuns.columnIndex))
    .limit(RUN_HISTORY_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * RUN_HISTORY_PAGE_SIZE);
  const [rows, total] = await Promise.all([rowsQuery, first(db.select({ n: sql<number>`count(*)` }).from(playgroundRuns).where(where))]);
  return { rows, total: total?.n ?? 0 };
}

export async function listRunModels({ promptId }: { promptId: string }): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ modelId: playgroundRuns.modelId })
    .from(playgroundRuns)
    .where(eq(playgroundRuns.promptId, promptId))
    .orderBy(asc(playgroundRuns.modelId));
  return rows.map((row) => row.modelId);
}

export async function listVariableSets({ promptId }: { promptId: string }): Promise<VariableSet[]> {
  return getDb().select().from(variableSets).where(eq(variableSets.promptId, promptId)).orderBy(asc(variableSets.name));
}

export function findVariableSetById(tx: DbOrTx, { variableSetId }: { variableSetId: string }): Promise<VariableSet | undefined> {
  return first(tx.select().from(variableSets).where(eq(variableSets.id, variableSetId)));
}

