import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "./dialect";
import { id, createdAt, ref, timestamp } from "./columns";
import { ROLES, type Role } from "../../lib/core/roles";
import type { LintSeverities } from "../../lib/core/vocabulary/compliance";

// Users, workspaces, memberships, sessions and sign-in attempts. db/schema/index.ts gathers every group.

export { ROLES, type Role };

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Account-wide switch: a disabled account can neither sign in nor use a live session. */
  disabledAt: timestamp("disabled_at"),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;

export const workspaces = sqliteTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  /** The prompt linter's severities for this workspace (issue 19); rules not named keep their default. */
  lintSeverities: text("lint_severities", { mode: "json" }).$type<LintSeverities>().notNull().default(sql`'{}'`),
  createdAt: createdAt(),
});
export type Workspace = typeof workspaces.$inferSelect;

/** The first columns of a table whose rows belong to one workspace: its id and the workspace's. */
export const workspaceScoped = () => ({ id: id(), workspaceId: ref("workspace_id", () => workspaces.id) });

export const memberships = sqliteTable(
  "memberships",
  {
    ...workspaceScoped(),
    userId: ref("user_id", () => users.id),
    role: text("role", { enum: ROLES }).notNull(),
    /** Disabling a member removes their access to this workspace without touching others. */
    disabledAt: timestamp("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user").on(t.workspaceId, t.userId),
    index("memberships_user").on(t.userId),
    check("memberships_role_valid", sql`${t.role} in ('admin','lead','editor','reviewer','viewer')`),
  ],
);
export type Membership = typeof memberships.$inferSelect;

/** Server-side record of each signed-in browser; the JWT only carries this id, so revoking the row ends it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    userId: ref("user_id", () => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: timestamp("revoked_at"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Failed sign-ins per key ("account:<email>" or "ip:<address>") within a sliding window. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
});
