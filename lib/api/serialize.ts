import { createHash } from "node:crypto";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/platform/http/csp";

// A JSON response serialised once: the body bytes, a content-based ETag and the headers, ready to be written as
// they are for every request that asks for the same thing until the cache epoch moves.

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/** The headers of a JSON answer that is not cached: writes, renders, eval runs, errors. */
export const NO_STORE_JSON: readonly (readonly [string, string])[] = [
  ["Content-Type", JSON_CONTENT_TYPE],
  ["Cache-Control", "no-store"],
];
/** Clients may keep a copy but must revalidate it (cheaply, with If-None-Match) before each use. */
export const REVALIDATE = "private, no-cache";

// What next.config.js adds to every API response Next answers; the fast path answers without Next, so it adds them
// itself (a test keeps the two lists equal).
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];

export interface PreparedResponse {
  body: Buffer;
  etag: string;
  /** For a framework that adds the security headers itself (Next). */
  headers: [string, string][];
  /** Flat name/value list for node's writeHead, security headers included: the fast path's 200. */
  rawHeaders: string[];
  /** The same for a 304. */
  rawNotModifiedHeaders: string[];
}

export function contentEtag(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

export function prepareJsonResponse(value: unknown): PreparedResponse {
  const body = Buffer.from(JSON.stringify(value));
  const etag = contentEtag(body);
  const headers: [string, string][] = [
    ["Content-Type", JSON_CONTENT_TYPE],
    ["Content-Length", String(body.length)],
    ["ETag", etag],
    ["Cache-Control", REVALIDATE],
  ];
  const security = SECURITY_HEADERS.flat();
  return {
    body,
    etag,
    headers,
    rawHeaders: [...headers.flat(), ...security],
    rawNotModifiedHeaders: ["ETag", etag, "Cache-Control", REVALIDATE, ...security],
  };
}

/** True when an If-None-Match header names this ETag (or is "*"); weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
