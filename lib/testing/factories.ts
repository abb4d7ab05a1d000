import { getDb } from "@/db";
import { only } from "@/db/first";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import type { AuthContext } from "@/lib/platform/auth/context";

let counter = 0;

/** A workspace with one member per given role, and an AuthContext for each, straight into the test database. */
export async function makeWorkspace(roles: Role[] = ["admin"]) {
  const db = getDb();
  const n = ++counter;
  const workspace = await only(db.insert(workspaces).values({ name: `WS ${n}`, slug: `ws-${n}-${Date.now()}` }).returning());
  const members = [];
  for (const [i, role] of roles.entries()) {
    const user = await only(
      db.insert(users).values({ email: `u${n}-${i}-${role}@test.local`, name: `User ${n}.${i}`, passwordHash: "x" }).returning(),
    );
    const membership = await only(db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role }).returning());
    const ctx: AuthContext = {
      user: { id: user.id, email: user.email, name: user.name },
      sessionId: "test-session",
      workspaceId: workspace.id,
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: false },
      role,
      workspaces: [],
    };
    members.push({ user, membership, ctx });
  }
  return { workspace, members };
}
