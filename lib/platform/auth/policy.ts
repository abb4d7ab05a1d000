import type { ApiKeyScope, Role } from "@/db/schema";
import { AppError } from "@/lib/core/errors";

// The one place that says who may do what. Every server action and route handler asks here,
// through requirePermission(); the UI only uses can() to decide what to show.

// Each role has the permissions of the roles below it and adds its own; PERMISSIONS is all of them (an admin's).
const READ = ["prompts:read", "dashboards:read", "members:read"] as const;
const EDIT = [
  "prompts:write", "playground:run", "datasets:write", "evals:run", "optimizations:run", "deployments:deploy", "deployments:request", "review:manage", "review:rate",
] as const;
const LEAD = ["deployments:approve", "deployments:rollback", "audit:read"] as const;
/** Admins only; generations:write is in practice an application's, through a read-write API key. */
const ADMIN = ["members:manage", "settings:manage", "apikeys:manage", "generations:write"] as const;

export const PERMISSIONS = [...READ, ...EDIT, ...LEAD, ...ADMIN] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  reviewer: new Set([...READ, "review:rate"]),
  editor: new Set([...READ, ...EDIT]),
  lead: new Set([...READ, ...EDIT, ...LEAD]),
  admin: new Set(PERMISSIONS),
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including members, API keys and settings",
  lead: "Approves promotions and rolls back, plus everything editors do",
  editor: "Edits prompts, runs the playground and evals, requests promotions",
  reviewer: "Rates outputs and reads prompts",
  viewer: "Reads everything, changes nothing",
};

/**
 * The most an API key's scope allows. A read-write key may add versions and request promotions; approving and
 * rolling back always need a signed-in lead, so no scope ever grants them. A key also never does more than its
 * owner's current role allows (see subjectCan).
 */
export const API_KEY_SCOPE_PERMISSIONS: Record<ApiKeyScope, ReadonlySet<Permission>> = {
  read: new Set<Permission>(["prompts:read", "dashboards:read"]),
  // evals:run lets CI start an eval run (the `promptops eval` gate), optimizations:run an optimization
  // (`promptops optimize`); generations:write lets an application report
  // its generations and end-user feedback.
  "read-write": new Set<Permission>([
    "prompts:read",
    "dashboards:read",
    "prompts:write",
    "deployments:request",
    "evals:run",
    "optimizations:run",
    "generations:write",
  ]),
};

/** A key whose creator is unknown (made before owners were recorded) acts for nobody, so it may only read. */
export const OWNERLESS_API_KEY_PERMISSIONS: ReadonlySet<Permission> = API_KEY_SCOPE_PERMISSIONS.read;

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** A member (by role), or an API key (by scope, within its owner's current role; null role: ownerless key). */
export type PolicySubject = { role: Role; apiKey?: undefined } | { role: Role | null; apiKey: { scope: ApiKeyScope } };

export function subjectCan(subject: PolicySubject, permission: Permission): boolean {
  if (!subject.apiKey) return can(subject.role, permission);
  if (!API_KEY_SCOPE_PERMISSIONS[subject.apiKey.scope].has(permission)) return false;
  return subject.role ? can(subject.role, permission) : OWNERLESS_API_KEY_PERMISSIONS.has(permission);
}

export function requirePermission(subject: PolicySubject, permission: Permission): void {
  if (subjectCan(subject, permission)) return;
  let message = "Your role in this workspace does not allow this.";
  if (subject.apiKey && !API_KEY_SCOPE_PERMISSIONS[subject.apiKey.scope].has(permission)) {
    message = `This API key's scope (${subject.apiKey.scope}) does not allow this.`;
  } else if (subject.apiKey && subject.role) {
    message = `This API key acts for the member who created it, and their role (${subject.role}) does not allow this.`;
  } else if (subject.apiKey) {
    message = "This API key has no recorded owner, so it can only read. Ask an admin to create a new key.";
  }
  throw new AppError("forbidden:workspace", message, { details: { permission } });
}

/**
 * Objects from another workspace answer "not found", not "forbidden", so ids from elsewhere
 * reveal nothing about what exists there.
 */
export function requireSameWorkspace<T extends { workspaceId: string }>(
  subject: { workspaceId: string },
  object: T | null | undefined,
  what = "That item",
): asserts object is T {
  if (!object || object.workspaceId !== subject.workspaceId) {
    throw new AppError("not_found:workspace", `${what} was not found in this workspace.`);
  }
}

/**
 * Work a member started for themselves (a playground run while it streams): only they may act on it. Anyone else,
 * in the workspace or not, is told it was not found.
 */
export function requireOwnWork<T extends { workspaceId: string; userId: string }>(
  subject: { workspaceId: string; userId: string },
  object: T | null | undefined,
  what = "That item",
): asserts object is T {
  requireSameWorkspace(subject, object, what);
  if (object.userId !== subject.userId) throw new AppError("not_found:workspace", `${what} was not found in this workspace.`);
}

/**
 * Review queues. Admins and leads see every queue in the workspace; anyone else sees a queue they are assigned to
 * (to rate it) or created (to manage it). Rating needs an assignment, even for admins, so that every rating is
 * a reviewer's own. Managing (items, assignees, agreement, export) needs review:manage and admin/lead or authorship.
 * A queue the caller cannot see answers "not found", like an object from another workspace.
 */
export type QueueNeed = "view" | "rate" | "manage";

export interface QueueAccessFacts {
  workspaceId: string;
  createdById: string | null;
}

export function queueAccess(
  subject: { role: Role; userId: string },
  queue: QueueAccessFacts,
  { assigned }: { assigned: boolean },
): Record<QueueNeed, boolean> {
  const seesAll = subject.role === "admin" || subject.role === "lead";
  const author = queue.createdById !== null && queue.createdById === subject.userId && can(subject.role, "review:manage");
  const rate = assigned && can(subject.role, "review:rate");
  return { view: seesAll || author || rate, rate, manage: can(subject.role, "review:manage") && (seesAll || author) };
}

export function requireQueueAccess<T extends QueueAccessFacts>(
  subject: { workspaceId: string; role: Role; userId: string },
  queue: T | null | undefined,
  { assigned, need }: { assigned: boolean; need: QueueNeed },
): asserts queue is T {
  requireSameWorkspace(subject, queue, "That review queue");
  const access = queueAccess(subject, queue, { assigned });
  if (!access.view) throw new AppError("not_found:review", "That review queue was not found in this workspace.");
  if (!access[need]) {
    throw new AppError(
      "forbidden:review",
      need === "rate" ? "You are not assigned to this review queue." : "Only admins, leads and the queue's author can manage this queue.",
    );
  }
}
