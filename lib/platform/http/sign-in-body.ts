import "server-only";
import { AppError } from "@/lib/core/errors";
import { readBody } from "./body";

// next-auth v4 parses POST bodies itself (next-auth/next/utils getBody): JSON when the content type contains
// "application/json", a form when it contains "application/x-www-form-urlencoded", nothing otherwise. A malformed
// JSON body throws out of next-auth as a 500, and nested values reach code that expects strings. So the auth route
// reads the body first, with a cap, checks it is what next-auth would accept from a form (flat string fields), and
// only then hands next-auth the same bytes.

/** A sign-in is an email, a password (at most 1 KiB), a CSRF token and a callback URL: 16 KiB is ample. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export type AuthBodyKind = "json" | "form";

export function authBodyKind(contentType: string | null): AuthBodyKind | null {
  if (contentType?.includes("application/json")) return "json";
  if (contentType?.includes("application/x-www-form-urlencoded")) return "form";
  return null;
}

const tooLarge = (maxBytes: number) => new AppError("too_large:auth", `A sign-in request body may be at most ${maxBytes / 1024} KiB.`);

/** The body of a POST to /api/auth/*, checked; a 4xx AppError for anything next-auth could not take safely. */
export async function readAuthBody(request: Request): Promise<string> {
  const kind = authBodyKind(request.headers.get("content-type"));
  if (!kind) {
    throw new AppError("bad_request:auth", "Send the sign-in as application/x-www-form-urlencoded or application/json.");
  }
  const text = (await readBody(request, { maxBytes: AUTH_BODY_LIMIT_BYTES, refuse: tooLarge })).toString("utf8");
  if (kind === "form") return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:auth", "The request body is not valid JSON.");
  }
  const flatStrings = typeof body === "object" && body !== null && !Array.isArray(body) && Object.values(body).every((v) => typeof v === "string");
  if (!flatStrings) {
    throw new AppError("bad_request:auth", "The request body must be a JSON object whose values are all strings, as a form would send.");
  }
  return text;
}
