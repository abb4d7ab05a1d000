import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { generationFeedback, generations, type Generation } from "@/db/schema";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { findEnvironmentBySlug, findPointer, requireServablePrompt } from "@/lib/serving/server";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { estimateCostUsd } from "@/lib/platform/models/catalog";
import { findVersion } from "@/lib/prompts/server";
import { findGenerationById } from "./queries";
import { feedbackBodySchema, normaliseScore, reportGenerationBodySchema, type FeedbackCreated, type GenerationCreated } from "./schemas";

// Production telemetry from applications: a generation made with a deployed prompt, and end-user feedback on it.
// High-volume rows, so they are not written to the audit log; each row names the API key that sent it.

/** POST /api/v1/generations */
export async function reportGeneration(principal: Principal, body: unknown): Promise<GenerationCreated> {
  requirePermission(principal, "generations:write");
  const input = parseInput(reportGenerationBodySchema, body);
  const db = getDb();
  const prompt = await requireServablePrompt(db, { workspaceId: principal.workspaceId, name: input.prompt });
  let version = input.version;
  let environmentId: string | null = null;
  if (input.label !== undefined) {
    const environment = await findEnvironmentBySlug(db, { workspaceId: principal.workspaceId, slug: input.label });
    if (!environment) throw new AppError("not_found:environment", `No environment "${input.label}" in this workspace.`);
    const pointer = await findPointer(db, { environmentId: environment.id, promptId: prompt.id });
    if (!pointer) throw new AppError("not_found:deployment", `${environment.name} serves no version of "${prompt.name}".`);
    version = pointer.version;
    environmentId = environment.id;
  }
  if (!(await findVersion(db, { promptId: prompt.id, version: version! }))) throw new AppError("not_found:prompt", `"${prompt.name}" has no version ${version}.`);
  const { inputTokens, outputTokens } = input.usage;
  const costUsd = input.usage.costUsd ?? (input.model && inputTokens !== undefined && outputTokens !== undefined ? estimateCostUsd({ modelId: input.model, inputTokens, outputTokens }) : null);
  const row = await transaction((tx) =>
    insertGeneration(tx, {
      workspaceId: principal.workspaceId,
      promptId: prompt.id,
      version: version!,
      environmentId,
      variables: input.variables,
      output: input.output,
      modelId: input.model,
      inputTokens: inputTokens ?? null,
      outputTokens: outputTokens ?? null,
      costUsd,
      latencyMs: input.latencyMs ?? null,
      metadata: input.metadata,
      apiKeyId: principal.apiKey?.id ?? null,
    }),
  );
  return { id: row.id, version: row.version };
}

/** POST /api/v1/feedback */
export async function sendFeedback(principal: Principal, body: unknown): Promise<FeedbackCreated> {
  requirePermission(principal, "generations:write");
  const input = parseInput(feedbackBodySchema, body);
  const generation = await findGenerationById(getDb(), { generationId: input.generationId });
  requireSameWorkspace(principal, generation, "That generation");
  const score = normaliseScore(input.score, input.scale);
  if (score === null) throw new AppError("bad_request:feedback", `A score of ${input.score} is outside the ${input.scale} scale.`);
  const row = await transaction((tx) =>
    insertFeedback(tx, {
      workspaceId: principal.workspaceId,
      generationId: generation.id,
      score,
      comment: input.comment,
      metadata: input.metadata,
      apiKeyId: principal.apiKey?.id ?? null,
    }),
  );
  return { id: row.id, score: row.score };
}

function insertGeneration(tx: DbOrTx, values: typeof generations.$inferInsert): Promise<Generation> {
  return only(tx.insert(generations).values(values).returning());
}

function insertFeedback(tx: DbOrTx, values: typeof generationFeedback.$inferInsert) {
  return only(tx.insert(generationFeedback).values(values).returning());
}
