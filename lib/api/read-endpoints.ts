import "server-only";
import { getDb } from "@/db";
import { countGuardDecisions, findEnvironmentBySlug, listPointersForPrompts, resolvePrompt, type PromptTarget } from "@/lib/serving/server";
import { checkInput, compileGuard, guardRefusal } from "@/lib/core/guard";
import type { GuardRule } from "@/lib/core/vocabulary/guard-policy";
import { requirePermission } from "@/lib/platform/auth/policy";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { listPrompts } from "@/lib/prompts/server";
import { partialKey, planChat, planTemplate, renderPlannedChat, renderPlannedTemplate } from "@/lib/core/templates";
import { PROMPT_PREFIX, decodePromptName, splitRawUrl } from "./routes";
import {
  listQuerySchema,
  promptNameParamSchema,
  promptQuerySchema,
  queryObject,
  renderBodySchema,
  type PromptListPage,
  type RenderResult,
} from "./schemas";
import { DEFAULT_LABEL, LATEST_LABEL, labelSelector, selectorKey, type ResolvedPrompt } from "@/lib/serving";
import { prepareJsonResponse, type PreparedResponse } from "./serialize";
import type { CachedPrompt, DeliveryState, RenderPlan } from "./state";

// The read side of the delivery API. Resolved prompts are cached twice over: under their canonical target
// (workspace, name, label or version) for render, and under the raw URL as sent, so the hot path answers a
// repeated GET without parsing anything.

const urlKey = (workspaceId: string, rawUrl: string) => `${workspaceId} ${rawUrl}`;
const targetKey = (workspaceId: string, target: PromptTarget) => `${workspaceId}\n${target.name}\n${selectorKey(target.selector)}`;

/** The resolved prompt from the cache or the database. */
async function loadPrompt(state: DeliveryState, workspaceId: string, target: PromptTarget): Promise<{ entry: CachedPrompt; epoch: number }> {
  const key = targetKey(workspaceId, target);
  const cached = state.cache.get(key);
  if (cached) return { entry: cached, epoch: state.cache.currentEpoch };
  const { epoch, promptId, prompt } = await resolvePrompt(workspaceId, target);
  const entry = { promptId, prompt, response: prepareJsonResponse(prompt) };
  state.cache.set(key, entry, epoch);
  return { entry, epoch };
}

function targetFrom(name: string, query: { label?: string; version?: number }): PromptTarget {
  if (query.version !== undefined) return { name, selector: { kind: "version", version: query.version }, label: null };
  const label = query.label ?? DEFAULT_LABEL;
  return { name, selector: labelSelector(label), label };
}

/** A GET answered from memory, without parsing: the hot path. Undefined on a miss. */
export function cachedPromptForUrl(state: DeliveryState, principal: ApiKeyPrincipal, rawUrl: string): CachedPrompt | undefined {
  requirePermission(principal, "prompts:read");
  return state.cache.get(urlKey(principal.workspaceId, rawUrl));
}

/** GET /api/v1/prompts/{name}: `rawUrl` is the path and query as sent. */
export async function getPrompt(state: DeliveryState, principal: ApiKeyPrincipal, rawUrl: string): Promise<CachedPrompt> {
  const hit = cachedPromptForUrl(state, principal, rawUrl);
  if (hit) return hit;
  const { rawPath, rawQuery } = splitRawUrl(rawUrl);
  const name = parseInput(promptNameParamSchema, decodePromptName(rawPath.slice(PROMPT_PREFIX.length)));
  const query = parseInput(promptQuerySchema, queryObject(rawQuery));
  const { entry, epoch } = await loadPrompt(state, principal.workspaceId, targetFrom(name, query));
  state.cache.set(urlKey(principal.workspaceId, rawUrl), entry, epoch);
  return entry;
}

/**
 * POST /api/v1/prompts/{name}/render: the served version filled in, partials included. A prompt the cache holds is
 * rendered synchronously from the plan made at its first render (no promise, so no microtask, per request).
 */
export function renderPrompt(state: DeliveryState, principal: ApiKeyPrincipal, name: string, body: unknown): RenderResult | Promise<RenderResult> {
  requirePermission(principal, "prompts:read");
  const input = parseInput(renderBodySchema, body);
  const target = targetFrom(name, input);
  const cached = state.cache.get(targetKey(principal.workspaceId, target));
  if (cached?.plan) return renderGuarded(principal, cached, cached.plan, input.variables);
  return loadPrompt(state, principal.workspaceId, target).then(async ({ entry }) => {
    entry.plan ??= await planPrompt(entry.prompt);
    return renderGuarded(principal, entry, entry.plan, input.variables);
  });
}

/**
 * The version's guard policy first (lib/core/guard): a refused input is a 422 naming the rule, and personal data in
 * "mask" mode is masked before it is filled in. A version without a policy renders as before, synchronously; only
 * a refusal or a mask waits, for its count to be stored.
 */
function renderGuarded(principal: ApiKeyPrincipal, entry: CachedPrompt, plan: RenderPlan, variables: Record<string, unknown>): RenderResult | Promise<RenderResult> {
  const guard = compileGuard(entry.prompt.modelConfig.guard);
  if (!guard) return renderFromPlan(entry.prompt, plan, variables);
  const verdict = checkInput(guard, variables);
  const count = (rules: GuardRule[], action: "blocked" | "masked") =>
    countGuardDecisions(rules.map((rule) => ({ workspaceId: principal.workspaceId, promptId: entry.promptId, version: entry.prompt.version, rule, action, surface: "render" })));
  const { refused } = verdict;
  if (refused) {
    return count([refused.rule], "blocked").then(() => {
      throw guardRefusal(refused);
    });
  }
  const result = renderFromPlan(entry.prompt, plan, verdict.variables);
  return verdict.masked.length ? count(verdict.masked, "masked").then(() => result) : result;
}

/** Checks the served templates and loads their partials, from the ones resolved with the prompt. */
async function planPrompt(prompt: ResolvedPrompt): Promise<RenderPlan> {
  const loadPartial = async (ref: { name: string; label: string | null }) => prompt.partials[partialKey(ref)] ?? null;
  const common = { loadPartial, promptName: prompt.name };
  if (prompt.messages) return { kind: "chat", chat: await planChat({ ...common, messages: prompt.messages }) };
  return { kind: "text", text: await planTemplate({ ...common, template: prompt.template ?? "" }) };
}

function renderFromPlan(prompt: ResolvedPrompt, plan: RenderPlan, variables: Record<string, unknown>): RenderResult {
  const { name, version, type } = prompt;
  if (plan.kind === "chat") return { name, version, type, messages: renderPlannedChat(plan.chat, variables) };
  return { name, version, type, text: renderPlannedTemplate(plan.text, variables) };
}

/**
 * GET /api/v1/prompts, from memory while the delivery epoch stands (every change the list shows bumps it: versions,
 * prompts, pointers, environments). The entry is stored under the epoch the request was admitted at, read before
 * any of the list's queries: a change that commits meanwhile moves the epoch, and the cache then drops the entry
 * (or never keeps it), so it is not served after the change has been seen.
 */
export async function getPromptList(state: DeliveryState, principal: ApiKeyPrincipal, rawQuery: string): Promise<PreparedResponse> {
  requirePermission(principal, "prompts:read");
  const key = `${principal.workspaceId} ${rawQuery}`;
  const hit = state.lists.get(key);
  if (hit) return hit;
  const epoch = state.lists.currentEpoch;
  const response = prepareJsonResponse(await listDeliveredPrompts(principal, rawQuery));
  state.lists.set(key, response, epoch);
  return response;
}

/** GET /api/v1/prompts: active prompts by name; `label` keeps those that environment serves ("latest": all). */
async function listDeliveredPrompts(principal: ApiKeyPrincipal, rawQuery: string): Promise<PromptListPage> {
  requirePermission(principal, "prompts:read");
  const query = parseInput(listQuerySchema, queryObject(rawQuery));
  const db = getDb();
  let servedByEnvironmentId: string | undefined;
  if (query.label !== undefined && query.label !== LATEST_LABEL) {
    const environment = await findEnvironmentBySlug(db, { workspaceId: principal.workspaceId, slug: query.label });
    if (!environment) throw new AppError("not_found:environment", `"${query.label}" is not an environment of this workspace.`);
    servedByEnvironmentId = environment.id;
  }
  const { rows, total } = await listPrompts({
    workspaceId: principal.workspaceId,
    search: query.q,
    servedByEnvironmentId,
    page: query.page,
    pageSize: query.pageSize,
    order: "name",
  });
  const served = new Map<string, Record<string, number>>();
  for (const pointer of await listPointersForPrompts(db, { promptIds: rows.map((row) => row.id) })) {
    const environments = served.get(pointer.promptId) ?? {};
    environments[pointer.slug] = pointer.version;
    served.set(pointer.promptId, environments);
  }
  return {
    items: rows.map((row) => ({
      name: row.name,
      type: row.type,
      description: row.description,
      tags: row.tags,
      latestVersion: row.latestVersion,
      environments: served.get(row.id) ?? {},
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
