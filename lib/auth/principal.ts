import type { ApiKeyScope, Role } from "@/db/schema";

// Who is acting on a workspace: a signed-in member, or a delivery API key. Domain functions that both can
// call take a Principal, so a key's writes go through exactly the same rules and audit trail as a person's.

export interface UserPrincipal {
  kind: "user";
  workspaceId: string;
  user: { id: string; email: string; name: string };
  role: Role;
  apiKey?: undefined;
}

export interface ApiKeyPrincipal {
  kind: "api-key";
  workspaceId: string;
  user: null;
  apiKey: { id: string; name: string; scope: ApiKeyScope };
  role?: undefined;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

export function userPrincipal(ctx: { workspaceId: string; user: UserPrincipal["user"]; role: Role }): UserPrincipal {
  return { kind: "user", workspaceId: ctx.workspaceId, user: ctx.user, role: ctx.role };
}

/** How the principal appears in histories and lists. */
export function displayNameOf(principal: Principal): string {
  return principal.kind === "user" ? principal.user.name : `API key "${principal.apiKey.name}"`;
}
