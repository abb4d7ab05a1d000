import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/auth/callback-url";

// Next's request proxy (formerly middleware). It only passes the requested page's path and query to the app as a
// header, so a page that finds no session can send the visitor to sign in and back here afterwards
// (lib/auth/context.ts#requirePageAuth). It decides nothing about access: every page still checks the session.

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's own assets, Monaco's files or the icon.
  matcher: ["/((?!api/|_next/|monaco/|icon\\.svg|favicon\\.ico).*)"],
};
