// Workspaces with prompts, deployments and API keys for delivery API tests, made with the domain functions.
import { getDb } from "@/db";
import { type ApiKeyScope, type ChatMessageRecord } from "@/db/schema";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { userPrincipal } from "@/lib/platform/auth/principal";
import type { AuthContext } from "@/lib/platform/auth/context";
import { deployVersion } from "@/lib/releases/manage-deployments";
import { approvePromotion, requestPromotion } from "@/lib/releases/manage-promotions";
import { findEnvironmentBySlug } from "@/lib/serving/queries";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { makeWorkspace } from "./factories";

export interface DeliveryWorkspace {
  workspaceId: string;
  admin: AuthContext;
  editor: AuthContext;
  lead: AuthContext;
}

/** A workspace with an admin (keys), an editor (prompts, requests) and a lead (approvals). */
export async function makeDeliveryWorkspace(): Promise<DeliveryWorkspace> {
  const { workspace, members } = await makeWorkspace(["admin", "editor", "lead"]);
  const [admin, editor, lead] = members.map((member) => member.ctx) as [AuthContext, AuthContext, AuthContext];
  return { workspaceId: workspace.id, admin, editor, lead };
}

/** A text prompt with one version per template given. */
export async function addTextPrompt(ws: DeliveryWorkspace, name: string, templates: string[], modelConfig = {}) {
  const { id } = await createPrompt(ws.editor, { name, type: "text", description: `About ${name}`, tags: ["test"] });
  for (const [index, template] of templates.entries()) {
    await saveVersion(ws.editor, { promptId: id, body: { type: "text", template }, modelConfig, commitMessage: `v${index + 1}`, expectedParentVersion: index || null });
  }
  return { id, name };
}

export async function addChatPrompt(ws: DeliveryWorkspace, name: string, messages: ChatMessageRecord[]) {
  const { id } = await createPrompt(ws.editor, { name, type: "chat", description: "", tags: [] });
  await saveVersion(ws.editor, { promptId: id, body: { type: "chat", messages }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
  return { id, name };
}

/** Makes an environment serve a version: directly when unprotected, else requested by the editor and approved by the lead. */
export async function deploy(ws: DeliveryWorkspace, { promptId, environment, version }: { promptId: string; environment: string; version: number }) {
  const env = await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspaceId, slug: environment });
  if (!env) throw new Error(`no environment ${environment}`);
  const move = { promptId, environmentId: env.id, version, comment: "" };
  if (!env.isProtected) return deployVersion(userPrincipal(ws.editor), move);
  const { requestId } = await requestPromotion(userPrincipal(ws.editor), move);
  return approvePromotion(userPrincipal(ws.lead), { requestId, reason: "" });
}

export async function addApiKey(ws: DeliveryWorkspace, scope: ApiKeyScope, name = `${scope} key`) {
  return createApiKey(ws.admin, { name, scope });
}
