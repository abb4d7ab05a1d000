import "server-only";
import { errorTypeForStatus, toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { mayWrite, waitForWriteLock } from "@/lib/platform/ops/database-busy";
import { recordHttp, routePattern } from "@/lib/platform/metrics/registry";
import { mediaType, parseJsonBytes, readBody } from "./body";
import { BODY_LIMITS } from "@/lib/core/limits";
import { isSafeMethod } from "./same-origin";

export { parseInput } from "./parse-input";

export type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: turns thrown AppErrors into JSON `{ error, code }` responses (Retry-After on a 429, or on
 * a 503 for a locked database), hides unknown errors behind a generic 500, and logs one line per request (method,
 * path, status, time; never bodies). It reads no body: sessionRoute (session-route.ts) reads one only after it
 * knows the caller.
 */
export function baseRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      // Waits here, asynchronously, if another process holds the database's write lock (503 after a second).
      if (mayWrite(request.method)) await waitForWriteLock();
      const response = await asJsonIfClientError(await handler(request, context));
      status = response.status;
      return response;
    } catch (thrown) {
      const error = toAppError(thrown);
      status = error.status;
      if (error.status >= 500) logger.error({ err: thrown }, "request failed");
      return error.toResponse();
    } finally {
      const { pathname } = new URL(request.url);
      const ms = performance.now() - started;
      logger.info({ method: request.method, path: pathname, status, ms: Math.round(ms) }, "request");
      recordHttp(routePattern(pathname), request.method, status, ms / 1000);
    }
  };
}

/**
 * A route that does not act with the session (health, metrics, next-auth's sign-in). Whatever it is handed to
 * parse itself is first read from a copy with a small cap (413) and, when declared JSON, checked to be JSON
 * (400): next-auth reads bodies whole and answers malformed JSON with a 500. Every other route is a sessionRoute.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return baseRoute(async (request, context) => {
    if (!isSafeMethod(request.method) && request.body) {
      const bytes = await readBody(request.clone(), { maxBytes: BODY_LIMITS.publicForm });
      if (mediaType(request.headers) === "application/json") parseJsonBytes(bytes);
    }
    return handler(request, context);
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not implement, so they answer JSON 405 with `Allow` (Next's own 405
 * has no body) and OPTIONS lists the real methods. A route file ends with, e.g.,
 * `export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");` (HEAD follows GET).
 */
export function otherMethods(...allowed: Exclude<Method, "OPTIONS">[]): Record<Method, Handler<unknown>> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = baseRoute(async (request) =>
    Response.json(
      { error: `${request.method} is not allowed here. Allowed: ${allow}.`, code: "method_not_allowed:api" },
      { status: 405, headers: { Allow: allow } },
    ),
  );
  const options = baseRoute(async () => new Response(null, { status: 204, headers: { Allow: allow } }));
  return Object.fromEntries(METHODS.map((m) => [m, m === "OPTIONS" ? options : refuse])) as Record<Method, Handler<unknown>>;
}

/**
 * Every 4xx under /api is JSON. Our own handlers answer JSON already; a library's (next-auth's text/plain 400 for
 * an unknown action) is rewritten to `{ error, code }` with its text as the message.
 */
async function asJsonIfClientError(response: Response): Promise<Response> {
  if (response.status < 400 || response.status >= 500 || /json/i.test(response.headers.get("content-type") ?? "")) return response;
  const text = (await response.text()).trim().replace(/^Error: /, "").slice(0, 500);
  const message = text && !text.startsWith("[object") && !text.startsWith("<") ? text : `Request refused (${response.status}).`;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  const body = { error: message, code: `${errorTypeForStatus(response.status)}:api` };
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, init);
}
