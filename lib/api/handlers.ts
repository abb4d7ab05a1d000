import "server-only";
import { AppError } from "@/lib/core/errors";
import { parseJsonBytes, readBody } from "@/lib/platform/http/body";
import { BODY_LIMITS } from "@/lib/core/limits";
import { parseInput } from "@/lib/platform/http/route";
import { logger } from "@/lib/platform/logger";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { admitCachedApiKey, admitUncachedApiKey } from "./admit";
import { errorReply } from "./errors";
import { openApiResponse } from "./openapi-response";
import { getPrompt, getPromptList, renderPrompt } from "./read-endpoints";
import { decodePromptName, matchDeliveryRoute, type DeliveryRoute, type PromptAction } from "./routes";
import { NO_STORE_JSON, etagMatches, type PreparedResponse } from "./serialize";
import { getDeliveryState, type DeliveryState } from "./state";
import { createVersion, requestPromotion } from "./write-endpoints";
import { describeEvalRun, listEvalRunResultsForApi, startEvalRunFromApi } from "@/lib/evals/server";
import { promptNameParamSchema, queryObject } from "./schemas";
import { reportGeneration, sendFeedback } from "@/lib/feedback/server";
import { GENERATION_BODY_LIMIT } from "@/lib/feedback";
import { OPTIMIZATION_BODY_LIMIT } from "@/lib/optimizer";
import { requirePermission } from "@/lib/platform/auth/policy";
import { lintWorkspaceForApi } from "@/lib/releases/server";
import { cancelOptimizationFromApi, describeOptimizationForApi, saveOptimizationFromApi, startOptimizationFromApi } from "@/lib/optimizer/server";

// The whole delivery API, once, over a transport-neutral call: the custom server answers it on node:http before Next
// (fast-path.ts), and Next's route handler (app/api/v1/[...path], for `next dev` and `next start`) on Web
// Request/Response (handleDeliveryRequest, below). Both give the same answers, under the same key checks and limits.

/** One request as the dispatcher needs it; the body is read only when asked, after the key is admitted. */
export interface DeliveryCall {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** The query as sent, without "?". */
  rawQuery: string;
  header(name: "authorization" | "if-none-match"): string | null;
  /** The body, at most `maxBytes` (413 past it, as it streams). */
  body(maxBytes: number): Promise<Uint8Array>;
}

export type DeliveryAnswer =
  | { kind: "prepared"; response: PreparedResponse; notModified: boolean }
  | { kind: "json"; status: number; body: string }
  | { kind: "error"; status: number; body: string; headers: [string, string][] };

/** Keys are checked before the input: a caller without a valid key learns nothing, not even what is malformed. */
export async function answerDelivery(call: DeliveryCall, state: DeliveryState, route: DeliveryRoute = matchDeliveryRoute(call.method, call.rawPath)): Promise<DeliveryAnswer> {
  try {
    return await dispatch(call, route, state);
  } catch (thrown) {
    return { kind: "error", ...errorReply(thrown) };
  }
}

async function dispatch(call: DeliveryCall, route: DeliveryRoute, state: DeliveryState): Promise<DeliveryAnswer> {
  if (route.kind === "none") throw new AppError("not_found:api", `No endpoint ${call.method} ${call.rawPath}.`);
  if (route.kind === "openapi") return prepared(call, openApiResponse());
  const authorization = call.header("authorization");
  const principal = admitCachedApiKey(state, authorization) ?? (await admitUncachedApiKey(state, authorization));
  // Every write below checks the key's permission before it reads the body: a read key's oversized body is a 403,
  // never a 413 or a parse of it.
  switch (route.kind) {
    case "list":
      return prepared(call, await getPromptList(state, principal, call.rawQuery));
    case "prompt":
      return prepared(call, (await getPrompt(state, principal, call.rawQuery ? `${call.rawPath}?${call.rawQuery}` : call.rawPath)).response);
    case "action": {
      const name = parseInput(promptNameParamSchema, decodePromptName(route.rawName));
      // A key that may not write is refused before a byte of its body is read (render is a read).
      if (route.action !== "render") requirePermission(principal, route.action === "versions" ? "prompts:write" : "deployments:request");
      const body = await readJsonBody(call);
      return json(await runAction(route.action, { state, principal, name, body }), route.action === "render" ? 200 : 201);
    }
    case "eval-runs":
      requirePermission(principal, "evals:run");
      return json(await startEvalRunFromApi(principal, await readJsonBody(call)), 201);
    case "eval-run":
      if (call.rawQuery) throw new AppError("bad_request:api", "This endpoint takes no query parameters.");
      return json(await describeEvalRun(principal, route.runId), 200);
    case "eval-run-results":
      return json(await listEvalRunResultsForApi(principal, route.runId, queryObject(call.rawQuery)), 200);
    case "generations":
      requirePermission(principal, "generations:write");
      // The epoch admitCachedApiKey/admitUncachedApiKey brought the cache to, read moments ago for this request.
      return json(await reportGeneration(principal, await readJsonBody(call, GENERATION_BODY_LIMIT), { epoch: state.cache.currentEpoch }), 201);
    case "feedback":
      requirePermission(principal, "generations:write");
      return json(await sendFeedback(principal, await readJsonBody(call, GENERATION_BODY_LIMIT)), 201);
    case "optimizations":
      requirePermission(principal, "optimizations:run");
      return json(await startOptimizationFromApi(principal, await readJsonBody(call, OPTIMIZATION_BODY_LIMIT)), 201);
    case "optimization":
    case "optimization-cancel":
    case "optimization-save":
      return json(await answerOptimization(principal, call, route), route.kind === "optimization-save" ? 201 : 200);
    case "lint":
      if (call.rawQuery) throw new AppError("bad_request:api", "This endpoint takes no query parameters.");
      return json(await lintWorkspaceForApi(principal), 200);
  }
}

/** GET /optimizations/{id} and its POST actions: no query, and no body is read (the id says it all). */
function answerOptimization(principal: ApiKeyPrincipal, call: DeliveryCall, route: Extract<DeliveryRoute, { runId: string; kind: `optimization${string}` }>) {
  if (call.rawQuery) throw new AppError("bad_request:api", "This endpoint takes no query parameters.");
  switch (route.kind) {
    case "optimization":
      return describeOptimizationForApi(principal, route.runId);
    case "optimization-cancel":
      return cancelOptimizationFromApi(principal, route.runId);
    case "optimization-save":
      return saveOptimizationFromApi(principal, route.runId);
  }
}

function runAction(action: PromptAction, { state, principal, name, body }: { state: DeliveryState; principal: ApiKeyPrincipal; name: string; body: unknown }) {
  switch (action) {
    case "render":
      return renderPrompt(state, principal, name, body);
    case "versions":
      return createVersion(principal, name, body);
    case "promotions":
      return requestPromotion(principal, name, body);
  }
}

/** A cached or freshly serialised GET answer, or 304 when the client's copy is current. */
function prepared(call: DeliveryCall, response: PreparedResponse): DeliveryAnswer {
  return { kind: "prepared", response, notModified: etagMatches(call.header("if-none-match"), response.etag) };
}

/** `data` is what an endpoint answered, never a promise of it (JSON.stringify would write `{}`). */
function json<T>(data: T extends PromiseLike<unknown> ? never : T, status: number): DeliveryAnswer {
  return { kind: "json", status, body: JSON.stringify(data) };
}

/** Read only after the key is admitted (dispatch), capped while it streams: 413 past the endpoint's limit. */
async function readJsonBody(call: DeliveryCall, maxBytes: number = BODY_LIMITS.deliveryApi): Promise<unknown> {
  return parseJsonBytes(await call.body(maxBytes));
}

/** The delivery API on Web Request/Response: Next's route handler and the tests. */
export async function handleDeliveryRequest(request: Request, state: DeliveryState = getDeliveryState()): Promise<Response> {
  const started = performance.now();
  const url = new URL(request.url);
  const answer = await answerDelivery(
    {
      method: request.method,
      rawPath: url.pathname,
      rawQuery: url.search.slice(1),
      header: (name) => request.headers.get(name),
      body: (maxBytes) => readBody(request, { maxBytes }),
    },
    state,
  );
  const response = toResponse(answer);
  logger.info({ method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - started) }, "api request");
  return response;
}

function toResponse(answer: DeliveryAnswer): Response {
  switch (answer.kind) {
    case "prepared": {
      const { response, notModified } = answer;
      if (notModified) return new Response(null, { status: 304, headers: { ETag: response.etag, "Cache-Control": "private, no-cache" } });
      return new Response(new Uint8Array(response.body), { status: 200, headers: response.headers });
    }
    case "json":
      return new Response(answer.body, { status: answer.status, headers: Object.fromEntries(NO_STORE_JSON) });
    case "error":
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
}
