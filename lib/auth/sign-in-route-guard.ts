import "server-only";
import { logger } from "@/lib/logger";
import type { SignInErrorCode } from "./sign-in-errors";
import { checkSignInAllowed, clientAddress } from "./sign-in-guard";

/**
 * Runs before next-auth sees a credentials sign-in. Over the limit it answers 429 with Retry-After, in the
 * `{ url }` shape next-auth's client reads, so the form can say why; otherwise it returns null.
 */
export async function guardCredentialsSignIn(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (!pathname.endsWith("/callback/credentials")) return null;
  let email = "";
  try {
    email = String((await request.clone().formData()).get("email") ?? "");
  } catch {
    return null; // Not a form post; next-auth rejects it itself.
  }
  const address = clientAddress(request.headers);
  const verdict = checkSignInAllowed({ email, address });
  if (verdict.allowed) return null;
  logger.warn({ event: "sign_in_rate_limited", address }, "sign-in rate limited");
  const url = new URL(`/login?error=${"RateLimited" satisfies SignInErrorCode}`, request.url).toString();
  return Response.json(
    { url, error: "Too many failed sign-ins. Try again later." },
    { status: 429, headers: { "retry-after": String(verdict.retryAfterSeconds) } },
  );
}
