import "server-only";
import { decode } from "next-auth/jwt";
import { getEnv } from "@/lib/platform/env";

// Reading next-auth's session cookie, shared by getAuthContext (lib/platform/auth/context.ts) and the custom server's
// server-action guard (lib/platform/http/node-guard.ts), which must know who is calling before Next reads an action's body.

// next-auth's session cookie: the __Secure- form when the studio is served over https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export interface CookieLike {
  name: string;
  value: string;
}

/** The session JWT, whole or from next-auth's name.0, name.1… chunks (only past 4 KB; ours holds a session id). */
export function sessionTokenFromCookies(cookies: CookieLike[]): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.find((c) => c.name === name)?.value;
    if (whole) return whole;
    const chunks = cookies
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return chunks.map((c) => c.value).join("");
  }
  return undefined;
}

/** The server-side session id the JWT names, or null; the signature and expiry are checked by next-auth's decode. */
export async function sessionIdFromToken(token: string): Promise<string | null> {
  const payload = await decode({ token, secret: getEnv().AUTH_SECRET }).catch(() => null);
  return typeof payload?.sid === "string" ? payload.sid : null;
}

/** Cookies from a raw `Cookie` header (values left encoded, as next-auth writes them). */
export function parseCookieHeader(header: string | undefined): CookieLike[] {
  if (!header) return [];
  return header.split(";").flatMap((part) => {
    const eq = part.indexOf("=");
    return eq === -1 ? [] : [{ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() }];
  });
}
