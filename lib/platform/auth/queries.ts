import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first, only } from "@/db/first";
import { larger } from "@/db/sql-dialect";
import { transaction } from "@/db/transaction";
import { isLockError } from "@/db/write-probe";
import { loginAttempts, memberships, sessions, users, workspaces } from "@/db/schema";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail({ email }: { email: string }) {
  return getDb().query.users.findFirst({ where: eq(users.email, normaliseEmail(email)) });
}

export async function countUsers(tx: DbOrTx = getDb()): Promise<number> {
  return (await first(tx.select({ n: sql<number>`count(*)` }).from(users)))?.n ?? 0;
}

export async function createSession({ userId, userAgent, ttlMs }: { userId: string; userAgent?: string; ttlMs: number }) {
  const now = new Date();
  return transaction((tx) =>
    only(
      tx
        .insert(sessions)
        .values({ userId, userAgent: userAgent?.slice(0, 300), lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
        .returning({ id: sessions.id }),
    ),
  );
}

/** The session with its user, or undefined when it was revoked, expired or its account disabled. */
export async function findLiveSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }) {
  const row = await first(
    getDb()
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), isNull(users.disabledAt))),
  );
  if (!row || row.session.expiresAt <= now) return undefined;
  return row;
}

/** Written at most once a minute per session: a read-mostly request should not cost a write. */
export async function touchSession({ sessionId, lastSeenAt }: { sessionId: string; lastSeenAt: Date }): Promise<void> {
  const now = new Date();
  if (now.getTime() - lastSeenAt.getTime() < 60_000) return;
  try {
    await transaction(async (tx) => {
      await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
    });
  } catch (error) {
    // A read must not fail (or wait) because another process holds the write lock; a later request records it.
    if (!isLockError(error)) throw error;
  }
}

export async function revokeSession({ sessionId }: { sessionId: string }): Promise<void> {
  await transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  });
}

/** Revokes every live session of a user, but the one named in `exceptSessionId`; returns how many. */
export async function revokeUserSessions(tx: DbOrTx, { userId, exceptSessionId }: { userId: string; exceptSessionId?: string }): Promise<number> {
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

export async function updatePasswordHash(tx: DbOrTx, { userId, passwordHash }: { userId: string; passwordHash: string }): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Workspaces the user can use now, oldest membership first. */
export async function listActiveMemberships({ userId }: { userId: string }) {
  return getDb()
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug, isDemo: workspaces.isDemo },
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)))
    .orderBy(asc(memberships.createdAt));
}

export async function readLoginAttempts({ keys }: { keys: string[] }) {
  return Promise.all(keys.map((key) => first(getDb().select().from(loginAttempts).where(eq(loginAttempts.key, key)))));
}

/**
 * Counts one attempt against every key, unless one of them already has `max` in its current window: then nothing is
 * counted and the wait until the longest-blocked window ends is returned. The transaction takes its turn in this
 * process and BEGIN IMMEDIATE takes the write lock before reading, so concurrent reservations (from this process or
 * another one on the same file) are serialised.
 */
export async function reserveLoginAttempt({ limits, now, windowMs }: { limits: { key: string; max: number }[]; now: Date; windowMs: number }) {
  return transaction(async (tx) => {
    const rows: (typeof loginAttempts.$inferSelect | undefined)[] = [];
    for (const { key } of limits) rows.push(await first(tx.select().from(loginAttempts).where(eq(loginAttempts.key, key))));
    const live = rows.map((row) => (row && now.getTime() - row.windowStartedAt.getTime() < windowMs ? row : undefined));
    const retryAfterMs = Math.max(
      0,
      ...live.map((row, i) => (row && row.failures >= limits[i]!.max ? row.windowStartedAt.getTime() + windowMs - now.getTime() : 0)),
    );
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const [i, { key }] of limits.entries()) {
      const current = live[i];
      await tx
        .insert(loginAttempts)
        .values({ key, failures: 1, windowStartedAt: now })
        .onConflictDoUpdate({ target: loginAttempts.key, set: current ? { failures: current.failures + 1 } : { failures: 1, windowStartedAt: now } });
    }
    return { allowed: true, retryAfterMs: 0 };
  });
}

/** Gives back one reserved attempt (the attempt succeeded). */
export async function refundLoginAttempt({ key }: { key: string }): Promise<void> {
  await transaction(async (tx) => {
    await tx
      .update(loginAttempts)
      .set({ failures: larger(sql`${loginAttempts.failures} - 1`, sql`0`) })
      .where(eq(loginAttempts.key, key));
  });
}

export async function clearLoginFailures({ key }: { key: string }): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(loginAttempts).where(eq(loginAttempts.key, key));
  });
}
