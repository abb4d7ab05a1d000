import "server-only";
import type { z } from "zod";
import { requireAuth, type AuthContext } from "@/lib/platform/auth/context";
import type { Permission } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { readJsonBody, readMultipartBody } from "./body";
import { parseInput } from "./parse-input";
import { baseRoute, type Handler } from "./route";
import { crossSiteReason, isSafeMethod } from "./same-origin";

type JsonBodySpec<S extends z.ZodType> = { json: S; maxBytes: number };
type MultipartBodySpec = { multipart: true; maxBytes: number };
type BodySpec = JsonBodySpec<z.ZodType> | MultipartBodySpec | undefined;
type BodyOf<B> = B extends JsonBodySpec<infer S> ? z.infer<S> : B extends MultipartBodySpec ? FormData : undefined;

type Params = Record<string, string | string[]>;
type ParamsSpec = z.ZodType<Params> | undefined;
type ParamsOf<S> = S extends z.ZodType ? z.infer<S> : Record<string, never>;

export interface SessionRequest<P, B> {
  request: Request;
  ctx: AuthContext;
  params: P;
  body: B;
}

export interface SessionRouteOptions<B extends BodySpec, S extends ParamsSpec> {
  /** Checked with the session before the body is read: 401 signed out, 403 without it. */
  permission: Permission | "signed-in";
  /** The route's path parameters, e.g. `z.object({ id: z.string() })`. */
  params?: S;
  /** What the route reads: a JSON body checked with a schema, or a multipart form; absent = no body. */
  body?: B;
}

function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return (length !== null && length.trim() !== "0") || request.headers.has("transfer-encoding");
}

/**
 * A route handler that acts with the session cookie, in the boundary order: a state-changing request must come
 * from the studio's own pages (403, same-origin.ts), then who is calling and their permission (401/403), then
 * the body, only of the declared type (415), capped while it streams (413), parsed and checked (400); then the
 * handler. API-key routes (/api/v1) are not sessionRoutes: a key is not sent by a browser on its own.
 */
export function sessionRoute<B extends BodySpec = undefined, S extends ParamsSpec = undefined>(
  options: SessionRouteOptions<B, S>,
  handler: (args: SessionRequest<ParamsOf<S>, BodyOf<B>>) => Promise<Response>,
): Handler<{ params: Promise<Params> }> {
  return baseRoute(async (request, context) => {
    if (!isSafeMethod(request.method)) {
      const reason = crossSiteReason(request.headers);
      if (reason) throw new AppError("forbidden:api", reason);
    }
    const ctx = await requireAuth(options.permission === "signed-in" ? undefined : options.permission);
    const params = options.params ? parseInput(options.params, await context.params) : {};
    const spec = options.body as BodySpec;
    let body: unknown;
    if (spec && "json" in spec) body = await readJsonBody(request, spec.json, { maxBytes: spec.maxBytes });
    else if (spec) body = await readMultipartBody(request, { maxBytes: spec.maxBytes });
    else if (hasBody(request)) throw new AppError("unsupported_media:api", "This endpoint takes no request body.");
    return handler({ request, ctx, params: params as ParamsOf<S>, body: body as BodyOf<B> });
  });
}
