import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { withSignInReport } from "@/lib/platform/auth/authorize-credentials";
import type { SignInErrorCode } from "@/lib/core/vocabulary/sign-in-errors";
import { readAuthBody } from "./sign-in-body";

type NextAuthHandler = (request: Request) => Promise<Response>;

/**
 * next-auth answers requests it cannot handle (a GET to the credentials callback, an unknown action, a callbackUrl
 * that is not a URL, in the query, body or cookie) with a 500 or a plain-text 400. Those are the caller's mistakes,
 * and under /api every refusal is JSON: they become a JSON 400 (or keep their 4xx status).
 */
async function asJsonRefusal(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  if (response.status < 500 && response.headers.get("content-type")?.includes("application/json")) return response;
  logger.warn({ status: response.status }, "auth request refused by next-auth");
  const refusal = new AppError("bad_request:auth", "The sign-in service cannot handle this request.").toResponse();
  return response.status >= 500 ? refusal : new Response(refusal.body, { status: response.status, headers: refusal.headers });
}

export async function handleAuthGet(request: Request, nextAuth: NextAuthHandler): Promise<Response> {
  return asJsonRefusal(await nextAuth(request));
}

/**
 * POST /api/auth/*: checks the body (sign-in-body.ts), runs next-auth on it, and turns a sign-in that the rate limit
 * refused inside authorize into 429 with Retry-After, in the `{ url }` JSON shape next-auth's client reads, so the
 * form can say why. The limit itself does not depend on this wrapper: without it the attempt is still refused.
 */
export async function handleAuthPost(request: Request, nextAuth: NextAuthHandler): Promise<Response> {
  const body = await readAuthBody(request);
  const checked = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  const { response, report } = await withSignInReport(() => nextAuth(checked));
  if (report.retryAfterSeconds === undefined) return asJsonRefusal(response);
  const url = new URL(`/login?error=${"RateLimited" satisfies SignInErrorCode}`, request.url).toString();
  return Response.json(
    { url, error: "Too many failed sign-ins. Try again later." },
    { status: 429, headers: { "retry-after": String(report.retryAfterSeconds) } },
  );
}
