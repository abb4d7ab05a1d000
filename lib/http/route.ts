import "server-only";
import { z } from "zod";
import { AppError, toAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { mayWrite, waitForWriteLock } from "@/lib/ops/database-busy";
import { recordHttp, routePattern } from "@/lib/metrics/registry";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: turns thrown AppErrors into JSON `{ error, code }` responses (Retry-After on a 429, or on
 * a 503 for a locked database), hides unknown errors behind a generic 500, and logs one line per request (method,
 * path, status, time; never bodies).
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      // Waits here, asynchronously, if another process holds the database's write lock (503 after a second).
      if (mayWrite(request.method)) await waitForWriteLock();
      const response = await handler(request, context);
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

/** Parses a JSON body with a zod schema; a malformed or invalid body is a 400 naming the bad fields. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request:api", "The request body must be JSON.");
  }
  return parseInput(schema, body);
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    throw new AppError("bad_request:api", `Invalid input: ${summary}`, { details: { issues } });
  }
  return result.data;
}

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, init);
}
