import "server-only";
import { AppError } from "@/lib/core/errors";
import { readBody, parseJsonBytes } from "@/lib/platform/http/body";
import { BODY_LIMITS } from "@/lib/core/limits";
import { parseInput } from "@/lib/platform/http/route";
import { logger } from "@/lib/platform/logger";
import { admitApiKey } from "./admit";
import { errorReply } from "./errors";
import { openApiResponse } from "./openapi-response";
import { getPrompt, listDeliveredPrompts, renderPrompt } from "./read-endpoints";
import { decodePromptName, matchDeliveryRoute, type PromptAction } from "./routes";
import { JSON_CONTENT_TYPE, etagMatches, prepareJsonResponse, type PreparedResponse } from "./serialize";
import { getDeliveryState, type DeliveryState } from "./state";
import { createVersion, requestPromotion } from "./write-endpoints";
import { describeEvalRun, listEvalRunResultsForApi, startEvalRunFromApi } from "@/lib/evals/server";
import { promptNameParamSchema, queryObject } from "./schemas";
import { reportGeneration, sendFeedback } from "@/lib/feedback/server";
import { GENERATION_BODY_LIMIT } from "@/lib/feedback";

// The whole delivery API on Web Request/Response, for Next's route handler (app/api/v1/[...path]) and tests. The
// custom server answers GET /api/v1/prompts/{name} before Next with the same functions (fast-path.ts).

/** Keys are checked before the input: a caller without a valid key learns nothing, not even what is malformed. */
export async function handleDeliveryRequest(request: Request, state: DeliveryState = getDeliveryState()): Promise<Response> {
  const started = performance.now();
  const url = new URL(request.url);
  let response: Response;
  try {
    response = await dispatch(request, url, state);
  } catch (thrown) {
    const reply = errorReply(thrown);
    response = new Response(reply.body, { status: reply.status, headers: reply.headers });
  }
  logger.info({ method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - started) }, "api request");
  return response;
}

async function dispatch(request: Request, url: URL, state: DeliveryState): Promise<Response> {
  const route = matchDeliveryRoute(request.method, url.pathname);
  if (route.kind === "none") throw new AppError("not_found:api", `No endpoint ${request.method} ${url.pathname}.`);
  if (route.kind === "openapi") return prepared(request, openApiResponse());
  const principal = admitApiKey(state, request.headers.get("authorization"));
  switch (route.kind) {
    case "list":
      return prepared(request, prepareJsonResponse(listDeliveredPrompts(principal, url.search.slice(1))));
    case "prompt":
      return prepared(request, (await getPrompt(state, principal, url.pathname + url.search)).response);
    case "action": {
      const name = parseInput(promptNameParamSchema, decodePromptName(route.rawName));
      const body = await readJsonBody(request);
      return json(await runAction(route.action, { state, principal, name, body }), route.action === "render" ? 200 : 201);
    }
    case "eval-runs":
      return json(startEvalRunFromApi(principal, await readJsonBody(request)), 201);
    case "eval-run":
      if (url.search) throw new AppError("bad_request:api", "This endpoint takes no query parameters.");
      return json(describeEvalRun(principal, route.runId), 200);
    case "eval-run-results":
      return json(listEvalRunResultsForApi(principal, route.runId, queryObject(url.search.slice(1))), 200);
    case "generations":
      return json(reportGeneration(principal, await readJsonBody(request, GENERATION_BODY_LIMIT)), 201);
    case "feedback":
      return json(sendFeedback(principal, await readJsonBody(request, GENERATION_BODY_LIMIT)), 201);
  }
}

function runAction(action: PromptAction, { state, principal, name, body }: { state: DeliveryState; principal: ReturnType<typeof admitApiKey>; name: string; body: unknown }) {
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
function prepared(request: Request, response: PreparedResponse): Response {
  if (etagMatches(request.headers.get("if-none-match"), response.etag)) {
    return new Response(null, { status: 304, headers: { ETag: response.etag, "Cache-Control": "private, no-cache" } });
  }
  return new Response(new Uint8Array(response.body), { status: 200, headers: response.headers });
}

function json(data: unknown, status: number): Response {
  return new Response(JSON.stringify(data), { status, headers: { "Content-Type": JSON_CONTENT_TYPE, "Cache-Control": "no-store" } });
}

/** Read only after the key is admitted (dispatch), capped while it streams: 413 past the endpoint's limit. */
async function readJsonBody(request: Request, maxBytes: number = BODY_LIMITS.deliveryApi): Promise<unknown> {
  return parseJsonBytes(await readBody(request, { maxBytes }));
}
