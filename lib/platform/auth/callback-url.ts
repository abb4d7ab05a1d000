// Where to go after signing in: the page the visitor opened before being sent to /login. Client-safe and pure.

const BASE = "http://studio.invalid";

/** The request header proxy.ts sets to the page's path and query, so pages know where a visitor was going. */
export const PAGE_PATH_HEADER = "x-studio-page";

/**
 * A same-origin path to return to, or null. Only a path is accepted (never a scheme, host or protocol-relative
 * `//host`, which would make the sign-in page an open redirect), and never the sign-in pages or the API.
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2048 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (/^\/(login|setup|api)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page that returns to `path` afterwards. */
export function loginHref(path: string | null | undefined): string {
  const safe = safeCallbackPath(path);
  return safe && safe !== "/" ? `/login?callbackUrl=${encodeURIComponent(safe)}` : "/login";
}
