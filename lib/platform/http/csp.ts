// The studio's Content-Security-Policy for pages, set per request with a fresh nonce by proxy.ts. Next reads the
// nonce from the request's copy of the header and puts it on its own inline scripts (hydration data, bootstrap);
// next-themes gets it from the root layout. Everything else the pages load is the studio's own: Next's chunks,
// Monaco from /monaco/vs (its loader adds <script> tags; its workers are same-origin or blob: URLs).
// Styles allow 'unsafe-inline' because Monaco injects <style> elements and both Monaco and the charts set style
// attributes at run time; inline styles cannot run script.

export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never needs 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API responses and files: nothing in them may load or run anything, or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
