import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { isLockError } from "@/db/write-probe";
import { loginAttempts, memberships, sessions, users, workspaces } from "@/db/schema";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail({ email }: { email: string }) {
  return getDb().query.users.findFirst({ where: eq(users.email, normaliseEmail(email)) });
}

export function countUsers(tx: DbOrTx = getDb()): number {
  return tx.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

export function createSession({ userId, userAgent, ttlMs }: { userId: string; userAgent?: string; ttlMs: number }) {
  const now = new Date();
  return getDb()
    .insert(sessions)
    .values({ userId, userAgent: userAgent?.slice(0, 300), lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
    .returning({ id: sessions.id })
    .get();
}

/** The session with its user, or undefined when it was revoked, expired or its account disabled. */
export function findLiveSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }) {
  const row = getDb()
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), isNull(users.disabledAt)))
    .get();
  if (!row || row.session.expiresAt <= now) return undefined;
  return row;
}

/** Written at most once a minute per session: a read-mostly request should not cost a write. */
export function touchSession({ sessionId, lastSeenAt }: { sessionId: string; lastSeenAt: Date }) {
  const now = new Date();
  if (now.getTime() - lastSeenAt.getTime() < 60_000) return;
  try {
    getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
  } catch (error) {
    // A read must not fail (or wait) because another process holds the write lock; a later request records it.
    if (!isLockError(error)) throw error;
  }
}

export function revokeSession({ sessionId }: { sessionId: string }) {
  getDb()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .run();
}

/** Revokes every live session of a user, but the one named in `exceptSessionId`; returns how many. */
export function revokeUserSessions(tx: DbOrTx, { userId, exceptSessionId }: { userId: string; exceptSessionId?: string }): number {
  return tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined),
    )
    .run().changes;
}

export function updatePasswordHash(tx: DbOrTx, { userId, passwordHash }: { userId: string; passwordHash: string }) {
  tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

/** Workspaces the user can use now, oldest membership first. */
export function listActiveMemberships({ userId }: { userId: string }) {
  return getDb()
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug, isDemo: workspaces.isDemo },
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)))
    .orderBy(asc(memberships.createdAt))
    .all();
}

export function readLoginAttempts({ keys }: { keys: string[] }) {
  return keys.map((key) => getDb().select().from(loginAttempts).where(eq(loginAttempts.key, key)).get());
}

export function recordLoginFailure({ key, now, windowMs }: { key: string; now: Date; windowMs: number }) {
  const db = getDb();
  db.transaction((tx) => {
    const current = tx.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get();
    const expired = !current || now.getTime() - current.windowStartedAt.getTime() >= windowMs;
    tx.insert(loginAttempts)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: expired ? { failures: 1, windowStartedAt: now } : { failures: current.failures + 1 },
      })
      .run();
  });
}

export function clearLoginFailures({ key }: { key: string }) {
  getDb().delete(loginAttempts).where(eq(loginAttempts.key, key)).run();
}
