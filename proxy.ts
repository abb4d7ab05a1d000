import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/platform/auth/callback-url";
import { contentSecurityPolicy } from "@/lib/platform/http/csp";

// Next's request proxy (formerly middleware), for pages only. It decides nothing about access (every page checks
// the session itself); it hands each page two things:
// - a fresh CSP nonce (lib/platform/http/csp.ts). Next reads it from the request's Content-Security-Policy header; the root
//   layout reads x-nonce for next-themes.
// - the page's path and query, so a page that finds no session can send the visitor to sign in and back here
//   afterwards (lib/platform/auth/context.ts#requirePageAuth).
// API routes, static files and server actions are not matched: they carry no page scripts, and a matched request
// with a body would have it buffered for the proxy.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|monaco|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
