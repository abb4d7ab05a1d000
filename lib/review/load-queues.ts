import "server-only";
import { getDb } from "@/db";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { can, queueAccess, requirePermission } from "@/lib/platform/auth/policy";
import { listMembers } from "@/lib/platform/members/queries";
import { loadQueue } from "./manage-queues";
import { AppError } from "@/lib/core/errors";
import { findQueueById, isAssigned, listAssignees, listQueuesWithProgress, listTags, queueProgress } from "./queries";
import { ratingSessionOf } from "./reviewer-view";

// Read models for the Review pages: the queues a member may see, and one queue's overview for those who manage it.

export async function listVisibleQueues(principal: UserPrincipal) {
  requirePermission(principal, "review:rate");
  const subject = { role: principal.role, userId: principal.user.id };
  return (await listQueuesWithProgress(getDb(), { workspaceId: principal.workspaceId, userId: principal.user.id }))
    .map((q) => ({ ...q, access: queueAccess(subject, { workspaceId: principal.workspaceId, createdById: q.createdById }, { assigned: q.assigned }) }))
    .filter((q) => q.access.view);
}
export type VisibleQueue = Awaited<ReturnType<typeof listVisibleQueues>>[number];

/** Members who can be assigned to a queue: active, and with a role that can rate. */
export async function listAssignableMembers(workspaceId: string) {
  return (await listMembers({ workspaceId }))
    .filter((m) => m.disabledAt === null && can(m.role, "review:rate"))
    .map((m) => ({ userId: m.userId, email: m.email, name: m.name, role: m.role }));
}

export async function loadQueueOverview(principal: UserPrincipal, queueId: string) {
  requirePermission(principal, "review:manage");
  const db = getDb();
  const queue = await loadQueue(db, principal, queueId, "manage");
  const [assignees, progress, members, tags] = await Promise.all([
    listAssignees(db, { queueId: queue.id }),
    queueProgress(db, { queueId: queue.id, reviewersPerItem: queue.reviewersPerItem }),
    listAssignableMembers(principal.workspaceId),
    listTags(db, { workspaceId: principal.workspaceId }),
  ]);
  return { queue, assigned: assignees.some((a) => a.userId === principal.user.id), assignees, progress, members, tags };
}
export type QueueOverview = Awaited<ReturnType<typeof loadQueueOverview>>;

/** The Review page: the queues the member sees and, for those who manage review, the workspace's feedback tags. */
export async function loadReviewHome(principal: UserPrincipal) {
  const manage = can(principal.role, "review:manage");
  const [queues, tags] = await Promise.all([listVisibleQueues(principal), manage ? listTags(getDb(), { workspaceId: principal.workspaceId }) : null]);
  return { queues, manage, tags };
}

/**
 * The rating screen's gate: what the member may do with the queue (404 when it is not theirs to see), and their
 * rating session when they may rate. The page decides where a manager who does not rate goes.
 */
export async function loadRatingPage(principal: UserPrincipal, queueId: string) {
  const db = getDb();
  const queue = await findQueueById(db, { queueId });
  const access =
    queue && queue.workspaceId === principal.workspaceId
      ? queueAccess({ role: principal.role, userId: principal.user.id }, queue, { assigned: await isAssigned(db, { queueId, userId: principal.user.id }) })
      : null;
  if (!queue || !access?.view) throw new AppError("not_found:review", "That queue was not found in this workspace.");
  return { access, session: access.rate ? await ratingSessionOf(db, principal, queue) : null };
}
