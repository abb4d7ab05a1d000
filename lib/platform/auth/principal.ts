import type { ApiKeyScope, Role } from "@/db/schema";

// Who is acting on a workspace: a signed-in member, or an API key. Domain functions that both can call take a
// Principal, so a key's writes go through exactly the same rules and audit trail as a person's.
//
// A key belongs to the member who created it: requests made with it are that member's (they are the requester of a
// promotion made with it, the author of a version saved with it), and it may do only what both its scope and the
// member's current role allow. Keys made before owners were recorded, whose creator is unknown, have no user and
// no role, and are read-only (lib/platform/auth/policy.ts).

export interface PrincipalUser {
  id: string;
  email: string;
  name: string;
}

export interface UserPrincipal {
  kind: "user";
  workspaceId: string;
  user: PrincipalUser;
  role: Role;
  apiKey?: undefined;
}

export interface ApiKeyPrincipal {
  kind: "api-key";
  workspaceId: string;
  /** The key's owner; null only for an ownerless legacy key. */
  user: PrincipalUser | null;
  /** The owner's role in the key's workspace now; null only for an ownerless legacy key. */
  role: Role | null;
  apiKey: { id: string; name: string; scope: ApiKeyScope };
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** The Demo workspace's members by role, as the principals the demo seeds act as. */
export interface DemoMembers {
  workspaceId: string;
  members: ReadonlyMap<Role, UserPrincipal>;
}

export function userPrincipal(ctx: { workspaceId: string; user: UserPrincipal["user"]; role: Role }): UserPrincipal {
  return { kind: "user", workspaceId: ctx.workspaceId, user: ctx.user, role: ctx.role };
}

/** How the principal appears in histories and lists. */
export function displayNameOf(principal: Principal): string {
  if (principal.kind === "user") return principal.user.name;
  const key = `API key "${principal.apiKey.name}"`;
  return principal.user ? `${principal.user.name} (${key})` : key;
}
