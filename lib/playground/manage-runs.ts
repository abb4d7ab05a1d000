import "server-only";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { playgroundRuns, type PlaygroundRun } from "@/db/schema";
import type { PreparedRun } from "./prepare-run";
import type { RunOutcome } from "./execute-run";

/** Stores one column's run once it has ended, whatever the outcome, in its own transaction. */
export function recordRun({ prepared, outcome }: { prepared: PreparedRun; outcome: RunOutcome }): Promise<PlaygroundRun> {
  return transaction((tx) =>
    insertRun(tx, {
      id: outcome.runId,
      workspaceId: prepared.workspaceId,
      promptId: prepared.promptId,
      batchId: prepared.batchId,
      columnIndex: prepared.column,
      version: prepared.version,
      contentHash: prepared.contentHash,
      draftContent: prepared.version === null ? prepared.content : null,
      modelId: prepared.modelId,
      settings: prepared.settings,
      variables: prepared.variables,
      input: prepared.messages,
      promptMessageCount: prepared.promptMessageCount,
      output: outcome.output,
      toolCalls: outcome.toolCalls,
      status: outcome.status,
      finishReason: outcome.stats.finishReason,
      inputTokens: outcome.stats.inputTokens,
      outputTokens: outcome.stats.outputTokens,
      usageEstimated: outcome.stats.usageEstimated,
      costUsd: outcome.stats.costUsd,
      timeToFirstTokenMs: outcome.stats.timeToFirstTokenMs,
      latencyMs: outcome.stats.latencyMs,
      errorCode: outcome.error?.code ?? null,
      errorMessage: outcome.error?.message ?? null,
      userId: prepared.userId,
    }),
  );
}

function insertRun(tx: DbOrTx, values: typeof playgroundRuns.$inferInsert): Promise<PlaygroundRun> {
  return only(tx.insert(playgroundRuns).values(values).returning());
}
