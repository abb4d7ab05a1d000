import "server-only";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/platform/auth/policy";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { requestPromotion as requestPromotionFor } from "@/lib/releases/server";
import { findEnvironmentBySlug, requireServablePrompt } from "@/lib/serving/server";
import { moveEnvironmentSchema } from "@/lib/releases";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { saveVersion, findLatestVersion } from "@/lib/prompts/server";
import { saveVersionSchema } from "@/lib/prompts";
import { createVersionBodySchema, promotionBodySchema, type CreateVersionResult, type PromotionResult } from "./schemas";

// The write side of the delivery API: a read-write key adds versions and asks for promotions through the same
// domain functions as a person (the key's owner), so the same rules apply and the audit log names key and owner. Approving is never
// possible with a key; there is no endpoint for it.

/** POST /api/v1/prompts/{name}/versions */
export async function createVersion(principal: ApiKeyPrincipal, name: string, body: unknown): Promise<CreateVersionResult> {
  requirePermission(principal, "prompts:write");
  const input = parseInput(createVersionBodySchema, body);
  const prompt = await requireServablePrompt(getDb(), { workspaceId: principal.workspaceId, name });
  const content = prompt.type === "text" ? { given: input.template, other: input.messages } : { given: input.messages, other: input.template };
  if (content.given === undefined || content.other !== undefined) {
    const field = prompt.type === "text" ? "template" : "messages";
    throw new AppError("bad_request:prompt", `"${prompt.name}" is a ${prompt.type} prompt: send "${field}" (and not the other body field).`);
  }
  const latest = await findLatestVersion(getDb(), { promptId: prompt.id });
  const saved = await saveVersion(
    principal,
    parseInput(saveVersionSchema, {
      promptId: prompt.id,
      body: prompt.type === "text" ? { type: "text", template: input.template } : { type: "chat", messages: input.messages },
      modelConfig: input.modelConfig ?? latest?.modelConfig ?? {},
      commitMessage: input.commitMessage,
      expectedParentVersion: input.expectedParentVersion === undefined ? (latest?.version ?? null) : input.expectedParentVersion,
    }),
  );
  return { name: prompt.name, version: saved.version, created: saved.created };
}

/** POST /api/v1/prompts/{name}/promotions: a pending request of the key's owner, which another lead or admin decides. */
export async function requestPromotion(principal: ApiKeyPrincipal, name: string, body: unknown): Promise<PromotionResult> {
  requirePermission(principal, "deployments:request");
  const input = parseInput(promotionBodySchema, body);
  const db = getDb();
  const prompt = await requireServablePrompt(db, { workspaceId: principal.workspaceId, name });
  const environment = await findEnvironmentBySlug(db, { workspaceId: principal.workspaceId, slug: input.environment });
  if (!environment) throw new AppError("not_found:environment", `"${input.environment}" is not an environment of this workspace.`);
  if (!environment.isProtected) {
    throw new AppError(
      "bad_request:deployment",
      `${environment.name} is not protected: it moves by direct deployment, which API keys cannot do. Deploy from the studio.`,
    );
  }
  const request = await requestPromotionFor(
    principal,
    parseInput(moveEnvironmentSchema, { promptId: prompt.id, environmentId: environment.id, version: input.version, comment: input.comment ?? "" }),
  );
  return { requestId: request.requestId, status: "pending" };
}
