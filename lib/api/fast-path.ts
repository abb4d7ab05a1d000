import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readNodeBody } from "@/lib/platform/http/body";
import { logger } from "@/lib/platform/logger";
import { admitCachedApiKey, admitUncachedApiKey } from "./admit";
import { errorReply } from "./errors";
import { answerDelivery, type DeliveryAnswer, type DeliveryCall } from "./handlers";
import { cachedPromptForUrl, getPrompt } from "./read-endpoints";
import { API_BASE, matchDeliveryRoute, splitRawUrl } from "./routes";
import { NO_STORE_JSON, SECURITY_HEADERS, etagMatches, type PreparedResponse } from "./serialize";
import { getDeliveryState, type CachedPrompt, type DeliveryState } from "./state";

// The delivery API answered on node:http before Next sees the request: Next's routing alone costs far more than most
// answers (see ARCHITECTURE.md), and applications call these endpoints on every model call (fetch or render a
// prompt, report the generation, send feedback). The same dispatcher as Next's route handler (handlers.ts): the key
// first, then the body, read with the endpoint's cap. A cached prompt is answered synchronously from bytes and
// headers prepared once; requests are logged at debug level only, so the hot path writes nothing but the response.

/** Answers the requests it owns and returns true; false for every other one (Next answers those). */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

/** How an answer is counted: the raw path, the method, the status and the seconds it took. */
export type RecordAnswer = (rawPath: string, method: string, status: number, seconds: number) => void;

const BASE_PREFIX = `${API_BASE}/`;

export function createDeliveryFastPath(state: DeliveryState = getDeliveryState(), record: RecordAnswer = () => {}): FastPath {
  return (request, response) => {
    const url = request.url;
    if (url === undefined || !url.startsWith(BASE_PREFIX)) return false;
    const method = request.method ?? "GET";
    const { rawPath, rawQuery } = splitRawUrl(url);
    const route = matchDeliveryRoute(method, rawPath);
    // Methods and paths the API has no endpoint for (HEAD, OPTIONS, typos) keep Next's answers.
    if (route.kind === "none") return false;
    const started = performance.now();
    const done = () => {
      record(rawPath, method, response.statusCode, (performance.now() - started) / 1000);
      if (logger.isLevelEnabled("debug")) logger.debug({ method, path: rawPath, status: response.statusCode }, "api request");
    };
    if (route.kind === "prompt") {
      answerPrompt(state, request, response, url, done);
      return true;
    }
    answerDelivery(nodeCall(request, method, rawPath, rawQuery), state, route).then(
      (answer) => write(request, response, answer, done),
      (error: unknown) => write(request, response, { kind: "error", ...errorReply(error) }, done),
    );
    return true;
  };
}

/**
 * The hot path, GET /prompts/{name}: a key the cache holds admitted and a prompt already prepared for its workspace
 * written without a promise in between; otherwise the key read and the prompt resolved (and prepared for the next
 * request) from the database.
 */
function answerPrompt(state: DeliveryState, request: IncomingMessage, response: ServerResponse, url: string, done: () => void): void {
  const fail = (error: unknown) => write(request, response, { kind: "error", ...errorReply(error) }, done);
  const answer = (entry: CachedPrompt) => write(request, response, { kind: "prepared", response: entry.response, notModified: false }, done);
  const authorization = request.headers.authorization;
  try {
    const principal = admitCachedApiKey(state, authorization);
    const hit = principal && cachedPromptForUrl(state, principal, url);
    if (hit) return answer(hit);
    const resolved = principal ? getPrompt(state, principal, url) : admitUncachedApiKey(state, authorization).then((admitted) => getPrompt(state, admitted, url));
    resolved.then(answer, fail);
  } catch (error) {
    fail(error);
  }
}

function nodeCall(request: IncomingMessage, method: string, rawPath: string, rawQuery: string): DeliveryCall {
  return {
    method,
    rawPath,
    rawQuery,
    header: (name) => {
      const value = request.headers[name];
      return typeof value === "string" ? value : null;
    },
    body: (maxBytes) => readNodeBody(request, { maxBytes }),
  };
}

function write(request: IncomingMessage, response: ServerResponse, answer: DeliveryAnswer, done: () => void): void {
  if (answer.kind === "prepared") writePrepared(request, response, answer.response);
  else writeAnswer(response, answer, !request.complete);
  done();
}

function writePrepared(request: IncomingMessage, response: ServerResponse, prepared: PreparedResponse): void {
  if (etagMatches(request.headers["if-none-match"], prepared.etag)) {
    response.writeHead(304, prepared.rawNotModifiedHeaders);
    response.end();
  } else {
    response.writeHead(200, prepared.rawHeaders);
    response.end(prepared.body);
  }
}

const securityHeaders = SECURITY_HEADERS.flat();

/**
 * A JSON answer or an error; `closeAfter` when the body was left unread (refused before or past its limit), so the
 * socket closes instead of taking the rest.
 */
function writeAnswer(response: ServerResponse, answer: Exclude<DeliveryAnswer, { kind: "prepared" }>, closeAfter = false): void {
  const headers = answer.kind === "json" ? NO_STORE_JSON : answer.headers;
  const close = closeAfter ? ["Connection", "close"] : [];
  response.writeHead(answer.status, [...headers.flat(), "Content-Length", String(Buffer.byteLength(answer.body)), ...securityHeaders, ...close]);
  response.end(answer.body);
}
