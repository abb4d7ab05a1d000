import "server-only";
import type { z } from "zod";
import { getDb } from "@/db";
import type { PlaygroundRun } from "@/db/schema";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { findPromptById, findVersion } from "@/lib/prompts/server";
import { checkJsonOutput } from "./check-json-output";
import { findRunById, listBatchRuns, listRunModels, listRuns, RUN_HISTORY_PAGE_SIZE } from "./queries";
import type { runHistoryQuerySchema } from "./schemas";
import type { ColumnSeed, FollowUpTurn, ReopenedBatch, RunHistoryPage, RunView } from "./types";

interface Caller {
  workspaceId: string;
}

/** A page of a prompt's run history, filtered by model and status. */
export async function listRunHistory(caller: Caller, query: z.infer<typeof runHistoryQuerySchema>): Promise<RunHistoryPage> {
  const prompt = await findPromptById(getDb(), { promptId: query.promptId });
  requireSameWorkspace(caller, prompt, "That prompt");
  const [{ rows, total }, models] = await Promise.all([
    listRuns({
      promptId: prompt.id,
      page: query.page,
      ...(query.model ? { modelId: query.model } : {}),
      ...(query.status ? { status: query.status } : {}),
    }),
    listRunModels({ promptId: prompt.id }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), userName: row.userName ?? "unknown" })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / RUN_HISTORY_PAGE_SIZE)),
    models,
  };
}

export function toRunView(run: PlaygroundRun, responseFormat: Parameters<typeof checkJsonOutput>[0]["responseFormat"]): RunView {
  return {
    id: run.id,
    status: run.status,
    output: run.output,
    toolCalls: run.toolCalls,
    messages: run.input,
    stats: {
      finishReason: run.finishReason,
      inputTokens: run.inputTokens,
      outputTokens: run.outputTokens,
      usageEstimated: run.usageEstimated,
      costUsd: run.costUsd,
      timeToFirstTokenMs: run.timeToFirstTokenMs,
      latencyMs: run.latencyMs,
    },
    error: run.errorMessage ? { message: run.errorMessage, code: run.errorCode ?? "upstream:model", retryAfterSeconds: null } : null,
    json: run.status === "succeeded" ? checkJsonOutput({ text: run.output, responseFormat }) : null,
  };
}

/**
 * Reopens a stored run in the playground: every column of the batch it belongs to, with its source, model,
 * settings, conversation and result, and the variables it ran with.
 */
export async function loadReopenedBatch(caller: Caller, { runId, promptId }: { runId: string; promptId: string }): Promise<ReopenedBatch> {
  const db = getDb();
  const run = await findRunById(db, { runId });
  requireSameWorkspace(caller, run, "That run");
  if (run.promptId !== promptId) throw new AppError("not_found:workspace", "That run belongs to another prompt.");
  const runs = await listBatchRuns(db, { batchId: run.batchId, workspaceId: caller.workspaceId });
  const draft = runs.find((r) => r.draftContent)?.draftContent ?? null;
  const columns = await Promise.all(
    runs.map(async (r): Promise<ColumnSeed> => {
      const responseFormat = r.draftContent
        ? r.draftContent.modelConfig.responseFormat
        : (await findVersion(db, { promptId: r.promptId, version: r.version ?? 0 }))?.modelConfig.responseFormat;
      return {
        source: r.version === null ? { kind: "draft" } : { kind: "version", version: r.version },
        modelId: r.modelId,
        settings: r.settings,
        followUps: r.input.slice(r.promptMessageCount).filter((m): m is FollowUpTurn => m.role !== "system"),
        run: toRunView(r, responseFormat),
      };
    }),
  );
  return { variables: run.variables, draft, columns };
}
