import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession, findUserByEmail, listActiveMemberships, revokeSession } from "./queries";
import type { SignInErrorCode } from "./sign-in-errors";
import { clientAddress, noteSignInFailure, noteSignInSuccess } from "./sign-in-guard";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

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
 * the sessions row decides whether that sign-in still counts (see lib/auth/context.ts).
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
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const address = clientAddress(req.headers ?? {});
          const user = await findUserByEmail({ email });
          const valid = user
            ? await verifyPassword({ hash: user.passwordHash, password })
            : (await burnPasswordCheck(password), false);
          if (!user || !valid) {
            noteSignInFailure({ email, address });
            logger.info({ event: "sign_in_failed" }, "sign-in failed");
            return null;
          }
          noteSignInSuccess({ email });
          if (user.disabledAt || listActiveMemberships({ userId: user.id }).length === 0) {
            throw new Error("AccountDisabled" satisfies SignInErrorCode);
          }
          const userAgent = ([] as (string | undefined)[]).concat(req.headers?.["user-agent"])[0];
          const session = createSession({ userId: user.id, userAgent, ttlMs: SESSION_TTL_MS });
          logger.info({ event: "sign_in", userId: user.id }, "signed in");
          return { id: user.id, email: user.email, name: user.name, sid: session.id };
        },
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
      signOut({ token }) {
        if (token?.sid) revokeSession({ sessionId: token.sid });
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
