import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { findLiveSession } from "@/lib/platform/auth/queries";
import { parseCookieHeader, sessionIdFromToken, sessionTokenFromCookies } from "@/lib/platform/auth/session-cookie";
import { AppError, toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { parseJsonBytes } from "./body";
import { API_CONTENT_SECURITY_POLICY } from "./csp";
import { BODY_LIMITS, describeBytes } from "@/lib/core/limits";
import { crossSiteReason } from "./same-origin";

// What the custom server (server.ts) refuses before Next sees a request, each because Next would answer it with a
// 500 or an HTML page, or read a body before anyone knows who sent it:
// - a path whose %-escapes do not decode (Next's router throws on them): 400;
// - a non-GET request to a page that is not a server action (the studio's forms all call actions from script): 405;
// - a server action from another origin (403), of the wrong type (415), without or over its length (411/413),
//   without a live session (401; /setup is the one sessionless action), or whose body is not the JSON argument
//   list React sends for plain values (400). Next decodes action bodies itself and answers what it cannot decode
//   with 500, so the body is read and checked here, then handed back to the request for Next to read again.
// And malformed HTTP (headers too long: 431; unparseable: 400) is answered as JSON from the 'clientError' event.

type Headers = IncomingMessage["headers"];

const SETUP_PATH = "/setup";
/** React's reply encoding marks special values with a leading "$"; the studio's actions take only plain JSON. */
const PLAIN_MARKERS = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);
/** Next refuses more arguments with a 500. */
const MAX_ACTION_ARGS = 1000;

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function send(request: IncomingMessage, response: ServerResponse, path: string, error: AppError, headers: Record<string, string> = {}): void {
  // The delivery API's own error shape (lib/api/errors.ts) under /api/v1; the route handlers' elsewhere.
  const body = JSON.stringify(path.startsWith("/api/v1/") ? { error: { code: error.code, message: error.message } } : error.toJSON());
  response.writeHead(error.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...headers,
  });
  response.end(body);
  logger.info({ method: request.method, path, status: error.status }, "request refused before routing");
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** Throws a 400 unless the body is a JSON array of plain values, as React encodes a plain argument list. */
export function checkActionArguments(bytes: Uint8Array): void {
  const args = parseJsonBytes(bytes);
  if (!Array.isArray(args)) throw new AppError("bad_request:api", "A server action's body must be its argument list.");
  if (args.length > MAX_ACTION_ARGS) throw new AppError("bad_request:api", `A server action takes at most ${MAX_ACTION_ARGS} arguments.`);
  const pending: unknown[] = [args];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.startsWith("$") && !value.startsWith("$$") && !PLAIN_MARKERS.has(value) && !/^\$D[0-9T:.+-]+Z?$/.test(value)) {
        throw new AppError("bad_request:api", "A server action's arguments may only hold plain values.");
      }
    } else if (value !== null && typeof value === "object") {
      pending.push(...(Array.isArray(value) ? value : Object.values(value)));
    }
  }
}

async function hasLiveSession(headers: Headers): Promise<boolean> {
  const token = sessionTokenFromCookies(parseCookieHeader(header(headers, "cookie")));
  const sessionId = token ? await sessionIdFromToken(token) : null;
  return sessionId !== null && (await findLiveSession({ sessionId })) !== undefined;
}

/**
 * Reads exactly `length` bytes, then, in the same tick and before the request can emit 'end', either puts them
 * back (`unshift`, so Next reads the body as sent) or refuses the request.
 */
function inspectBody(request: IncomingMessage, length: number, inspect: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  const onReadable = () => {
    let chunk: Buffer | null;
    while ((chunk = request.read() as Buffer | null) !== null) {
      chunks.push(chunk);
      received += chunk.length;
    }
    if (received < length) return;
    request.off("readable", onReadable);
    inspect(Buffer.concat(chunks));
  };
  request.on("readable", onReadable);
}

function guardAction(request: IncomingMessage, response: ServerResponse, path: string, next: () => void): void {
  const headers = request.headers;
  const crossSite = crossSiteReason({ get: (name) => header(headers, name) });
  if (crossSite) return send(request, response, path, new AppError("forbidden:api", crossSite));
  if ((header(headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase() !== "text/plain") {
    return send(request, response, path, new AppError("unsupported_media:api", "A server action's body must be text/plain."));
  }
  const declared = header(headers, "content-length");
  if (declared === undefined || !/^\d+$/.test(declared)) return send(request, response, path, new AppError("length_required:api", "A server action needs a Content-Length."));
  const length = Number(declared);
  if (length > BODY_LIMITS.promptContent) {
    return send(request, response, path, new AppError("too_large:api", `The request body is larger than ${describeBytes(BODY_LIMITS.promptContent)}.`), { Connection: "close" });
  }
  if (length === 0) return send(request, response, path, new AppError("bad_request:api", "A server action's body must be its argument list."));
  const caller = path === SETUP_PATH ? Promise.resolve(true) : hasLiveSession(headers);
  caller.then(
    (known) => {
      // x-action-redirect is how Next's client learns an action redirected: a page whose session ended goes to sign-in.
      if (!known) return send(request, response, path, new AppError("unauthorized:auth", "Sign in to continue."), { Connection: "close", "x-action-redirect": "/login;replace" });
      inspectBody(request, length, (body) => {
        try {
          checkActionArguments(body);
        } catch (error) {
          return send(request, response, path, toAppError(error));
        }
        request.unshift(body);
        next();
      });
    },
    (error: unknown) => send(request, response, path, toAppError(error)),
  );
}

/** Calls `next` for a request Next should handle, or answers it; see the top of this file. */
export function guardRequest(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const decoded = decodePath(path);
  if (decoded === null) return send(request, response, path, new AppError("bad_request:api", "The path has a malformed %-escape."));
  const method = request.method ?? "GET";
  if (isApiPath(decoded) || method === "GET" || method === "HEAD") return next();
  if (method === "POST" && request.headers["next-action"] !== undefined) return guardAction(request, response, decoded, next);
  send(request, response, path, new AppError("method_not_allowed:api", `${method} is not allowed on a page.`), { Allow: "GET, HEAD" });
}

/** The 'clientError' listener: malformed HTTP gets a JSON answer instead of node's bare status line. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, appError] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", new AppError("headers_too_large:api", `The request line and headers are longer than ${describeBytes(http.maxHeaderSize)}.`)]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", new AppError("timeout:api", "The request took too long to arrive.")]
        : [400, "Bad Request", new AppError("bad_request:api", "The request is not valid HTTP.")];
  const body = JSON.stringify(appError.toJSON());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
