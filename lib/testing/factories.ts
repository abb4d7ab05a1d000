import { getDb } from "@/db";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import type { AuthContext } from "@/lib/platform/auth/context";

let counter = 0;

/** A workspace with one member per given role, and an AuthContext for each, straight into the test database. */
export function makeWorkspace(roles: Role[] = ["admin"]) {
  const db = getDb();
  const n = ++counter;
  const workspace = db.insert(workspaces).values({ name: `WS ${n}`, slug: `ws-${n}-${Date.now()}` }).returning().get();
  const members = roles.map((role, i) => {
    const user = db
      .insert(users)
      .values({ email: `u${n}-${i}-${role}@test.local`, name: `User ${n}.${i}`, passwordHash: "x" })
      .returning()
      .get();
    const membership = db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role }).returning().get();
    const ctx: AuthContext = {
      user: { id: user.id, email: user.email, name: user.name },
      sessionId: "test-session",
      workspaceId: workspace.id,
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: false },
      role,
      workspaces: [],
    };
    return { user, membership, ctx };
  });
  return { workspace, members };
}
