import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/platform/logger";
import { admitApiKey } from "./admit";
import { errorReply } from "./errors";
import { cachedPromptForUrl, getPrompt } from "./read-endpoints";
import { PROMPT_PREFIX } from "./routes";
import { SECURITY_HEADERS, etagMatches, type PreparedResponse } from "./serialize";
import { getDeliveryState, type DeliveryState } from "./state";

// GET /api/v1/prompts/{name} answered on node:http before Next sees the request: Next's routing alone costs far
// more than the whole answer (see ARCHITECTURE.md). Same functions as the route handler: admitApiKey (epoch, key,
// rate limit) then the cached prompt. A hit is answered synchronously from bytes and headers prepared once;
// requests are logged at debug level only, so the hot path writes nothing but the response.

export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Returns a handler that answers the requests it owns and returns false for every other one. */
export function createDeliveryFastPath(state: DeliveryState = getDeliveryState()): FastPath {
  return (request, response) => {
    const url = request.url;
    if (request.method !== "GET" || url === undefined || !url.startsWith(PROMPT_PREFIX) || url.length === PROMPT_PREFIX.length || url[PROMPT_PREFIX.length] === "?") {
      return false;
    }
    try {
      const principal = admitApiKey(state, request.headers.authorization);
      const hit = cachedPromptForUrl(state, principal, url);
      if (hit) {
        writePrepared(request, response, hit.response);
      } else {
        getPrompt(state, principal, url).then(
          (entry) => writePrepared(request, response, entry.response),
          (error: unknown) => writeError(response, error),
        );
      }
    } catch (error) {
      writeError(response, error);
    }
    return true;
  };
}

function writePrepared(request: IncomingMessage, response: ServerResponse, prepared: PreparedResponse): void {
  if (etagMatches(request.headers["if-none-match"], prepared.etag)) {
    response.writeHead(304, prepared.rawNotModifiedHeaders);
    response.end();
  } else {
    response.writeHead(200, prepared.rawHeaders);
    response.end(prepared.body);
  }
  if (logger.isLevelEnabled("debug")) logger.debug({ method: "GET", path: request.url, status: response.statusCode }, "api request");
}

const securityHeaders = SECURITY_HEADERS.flat();

function writeError(response: ServerResponse, error: unknown): void {
  const reply = errorReply(error);
  response.writeHead(reply.status, [...reply.headers.flat(), "Content-Length", String(Buffer.byteLength(reply.body)), ...securityHeaders]);
  response.end(reply.body);
}
