import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { loginHref, PAGE_PATH_HEADER } from "./callback-url";
import { can, requirePermission, type Permission } from "./policy";
import { findLiveSession, listActiveMemberships, touchSession } from "./queries";
import { sessionIdFromToken, sessionTokenFromCookies } from "./session-cookie";

export const WORKSPACE_COOKIE = "studio-workspace";

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
}

/** Who is asking, in which workspace, with which role: resolved from the database on every request. */
export interface AuthContext {
  user: { id: string; email: string; name: string };
  sessionId: string;
  workspaceId: string;
  workspace: WorkspaceSummary;
  role: Role;
  workspaces: (WorkspaceSummary & { role: Role })[];
}

/**
 * The server-side session id the signed-in browser's JWT carries, or null. The cookie is decrypted and checked
 * (signature, expiry) with next-auth's own decode; getServerSession() would do the same and then re-encrypt a
 * refreshed cookie that a server component cannot set anyway, which costs about 2 ms on every request.
 */
async function sessionIdFromCookie(): Promise<string | null> {
  const token = sessionTokenFromCookies((await cookies()).getAll());
  return token ? sessionIdFromToken(token) : null;
}

/**
 * The JWT only names a session; the role, the account state and the session's own state are read
 * fresh here, so signing out, disabling a member or changing a role takes effect on the next request.
 */
export const getAuthContext = cache(async (): Promise<AuthContext | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const live = await findLiveSession({ sessionId });
  if (!live) return null;
  const memberships = await listActiveMemberships({ userId: live.user.id });
  if (memberships.length === 0) return null;
  const chosenId = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const current = memberships.find((m) => m.workspace.id === chosenId) ?? memberships[0]!;
  await touchSession({ sessionId: live.session.id, lastSeenAt: live.session.lastSeenAt });
  return {
    user: { id: live.user.id, email: live.user.email, name: live.user.name },
    sessionId: live.session.id,
    workspaceId: current.workspace.id,
    workspace: current.workspace,
    role: current.role,
    workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
  };
});

/** For route handlers and server actions: 401 without a live session, 403 without the permission. */
export async function requireAuth(permission?: Permission): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) throw new AppError("unauthorized:auth", "Sign in to continue.");
  if (permission) requirePermission(ctx, permission);
  return ctx;
}

/**
 * For pages: sends a signed-out visitor to sign in (and back to this page afterwards, from the path proxy.ts
 * passes along), and answers 403 when the role lacks the permission.
 */
export async function requirePageAuth(permission?: Permission): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) redirect(loginHref((await headers()).get(PAGE_PATH_HEADER)));
  if (permission && !can(ctx.role, permission)) forbidden();
  return ctx;
}
