import "server-only";
import { NextRequest } from "next/server";
import { withSignInReport } from "./authorize-credentials";
import type { SignInErrorCode } from "./sign-in-errors";
import { readAuthBody } from "./sign-in-body";

/**
 * POST /api/auth/*: checks the body (sign-in-body.ts), runs next-auth on it, and turns a sign-in that the rate limit
 * refused inside authorize into 429 with Retry-After, in the `{ url }` JSON shape next-auth's client reads, so the
 * form can say why. The limit itself does not depend on this wrapper: without it the attempt is still refused.
 */
export async function handleAuthPost(request: Request, nextAuth: (request: NextRequest) => Promise<Response>): Promise<Response> {
  const body = await readAuthBody(request);
  const checked = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  const { response, report } = await withSignInReport(() => nextAuth(checked));
  if (report.retryAfterSeconds === undefined) return response;
  const url = new URL(`/login?error=${"RateLimited" satisfies SignInErrorCode}`, request.url).toString();
  return Response.json(
    { url, error: "Too many failed sign-ins. Try again later." },
    { status: 429, headers: { "retry-after": String(report.retryAfterSeconds) } },
  );
}
