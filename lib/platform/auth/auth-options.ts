import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { authorizeCredentials, SESSION_TTL_MS } from "./authorize-credentials";
import { revokeSession } from "./queries";

declare module "next-auth" {
  interface User {
    sid: string;
  }
  interface Session {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

let cached: NextAuthOptions | undefined;

/**
 * JWT sessions whose token carries only a server-side session id: the JWT proves who signed in,
 * the sessions row decides whether that sign-in still counts (see lib/platform/auth/context.ts).
 */
export function getAuthOptions(): NextAuthOptions {
  cached ??= {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (raw, req) => authorizeCredentials(raw, req),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession({ sessionId: token.sid });
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata: metadata instanceof Error ? metadata.message : undefined }, "auth error"),
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
  return cached;
}
