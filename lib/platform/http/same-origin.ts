// Cross-site request refusal for everything that acts with the session cookie: route handlers (sessionRoute in
// route.ts) and server actions (node-guard.ts). The cookie is SameSite=Lax, which still lets another site's
// top-level form POST carry it in some browsers and lets any same-site page use it; the Origin check is what
// tells the studio's own pages from everyone else.

export interface HeaderSource {
  get(name: string): string | null | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** GET, HEAD and OPTIONS never change anything, so they need no origin check (and links from elsewhere work). */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** "host:port" as a browser would put it in an Origin (default ports dropped), or null when it is not a host. */
function normalHost(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request is not from the studio's own pages, or null when it is. The studio's origin is
 * NEXTAUTH_URL's when it is set (behind a proxy), else the host the browser addressed: `X-Forwarded-Host` from a
 * proxy, then `Host`. A browser sets Origin and Sec-Fetch-Site itself and a page cannot forge them on a
 * cross-site request, so a missing Origin means the request did not come from a browser page of ours.
 */
export function crossSiteReason(headers: HeaderSource, publicUrl: string | undefined = process.env.NEXTAUTH_URL): string | null {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return `Cross-site request refused (Sec-Fetch-Site: ${site}).`;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return "Cross-site request refused: the request has no Origin header.";
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return "Cross-site request refused: the Origin header is not a URL.";
  }
  if (publicUrl) {
    try {
      if (new URL(publicUrl).origin === from.origin) return null;
    } catch {
      // An invalid NEXTAUTH_URL fails next-auth itself; here it simply matches nothing.
    }
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const addressed = [forwarded, headers.get("host")].filter((h): h is string => Boolean(h));
  if (addressed.some((host) => normalHost(host, from.protocol) === from.host)) return null;
  return `Cross-site request refused: ${from.origin} is not this studio's origin.`;
}
