import "server-only";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { eq } from "drizzle-orm";
import { feedbackTags, reviewItems, reviewQueueAssignees, reviewQueues, type ReviewQueue } from "@/db/schema";
import { recordAuditBy } from "@/lib/platform/audit/record";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { can, requirePermission, requireQueueAccess, type QueueNeed } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { workspacePartialLoader } from "@/lib/serving/server";
import { renderInput } from "@/lib/serving";
import { findVersion } from "@/lib/prompts/server";
import { versionContent } from "@/lib/prompts";
import {
  findActiveMembers,
  findQueueById,
  findQueueByName,
  findTagById,
  isAssigned,
  listAssignees,
  nextItemPosition,
} from "./queries";
import { addItemsSchema, archiveQueueSchema, createQueueSchema, deleteTagSchema, tagSchema, updateQueueSchema, type QueueSource } from "./schemas";
import { findSourceItems, formatRenderedPrompt, type ItemDraft } from "./sources";

// Creating review queues, filling them and changing who reviews them. Every change checks the permission, the
// workspace and the caller's access to the queue, and lands in one transaction with its audit entry.

const who = (principal: UserPrincipal) => ({ workspaceId: principal.workspaceId, role: principal.role, userId: principal.user.id });

/** Loads a queue the caller may use for `need`; unknown, foreign and invisible queues all answer "not found". */
export async function loadQueue(tx: DbOrTx, principal: UserPrincipal, queueId: string, need: QueueNeed): Promise<ReviewQueue> {
  const queue = await findQueueById(tx, { queueId });
  const assigned = queue ? await isAssigned(tx, { queueId, userId: principal.user.id }) : false;
  requireQueueAccess(who(principal), queue, { assigned, need });
  return queue;
}

async function refuseTakenName(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await findQueueByName(tx, { workspaceId, name });
  if (taken && taken.id !== exceptId) throw new AppError("conflict:review", `A review queue named "${name}" already exists in this workspace.`);
}

/** Assignees must be active members whose role can rate. */
async function checkAssignees(tx: DbOrTx, workspaceId: string, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  const members = await findActiveMembers(tx, { workspaceId, userIds: unique });
  if (members.length !== unique.length) throw new AppError("bad_request:review", "Every reviewer must be an active member of this workspace.");
  const cannot = members.find((m) => !can(m.role, "review:rate"));
  if (cannot) throw new AppError("bad_request:review", "Viewers cannot rate; give them the reviewer role first.");
  return unique;
}

/** Generations arrive with variables only; render their version's prompt so reviewers see what the model saw. */
async function renderGenerationPrompts(workspaceId: string, drafts: ItemDraft[]): Promise<void> {
  const db = getDb();
  const loadPartial = workspacePartialLoader({ workspaceId });
  for (const draft of drafts) {
    if (draft.sourceType !== "generation" || !draft.promptId || draft.version == null) continue;
    const version = await findVersion(db, { promptId: draft.promptId, version: draft.version });
    if (!version) continue;
    try {
      const { messages } = await renderInput({ content: versionContent(version), variables: draft.variables, loadPartial });
      draft.renderedPrompt = formatRenderedPrompt(JSON.stringify(messages));
    } catch {
      // A generation whose variables no longer fit its template still gets rated; it just shows no rendered prompt.
      draft.renderedPrompt = "";
    }
  }
}

async function collectItems(principal: UserPrincipal, queueId: string, source: QueueSource, pairwise: boolean): Promise<ItemDraft[]> {
  const drafts = await findSourceItems(getDb(), { workspaceId: principal.workspaceId, queueId, source, pairwise });
  await renderGenerationPrompts(principal.workspaceId, drafts);
  return drafts;
}

const sourceLabel: Record<QueueSource["type"], string> = {
  "eval-result": "evaluation results",
  "playground-run": "playground runs",
  generation: "production generations",
};

export async function createQueue(principal: UserPrincipal, raw: z.input<typeof createQueueSchema>): Promise<{ id: string; added: number }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(createQueueSchema, raw);
  const pairwise = input.scheme.type === "pairwise";
  const drafts = await collectItems(principal, "", input.source, pairwise);
  if (drafts.length === 0) throw new AppError("bad_request:review", `No ${sourceLabel[input.source.type]} match these filters. Widen them, or run something first.`);
  return transaction(async (tx) => {
    await refuseTakenName(tx, principal.workspaceId, input.name);
    const assigneeIds = await checkAssignees(tx, principal.workspaceId, input.assigneeIds);
    if (input.reviewersPerItem > assigneeIds.length) {
      throw new AppError("bad_request:review", `Each item needs ${input.reviewersPerItem} reviewers, but only ${assigneeIds.length} are assigned.`);
    }
    const queue = await insertQueue(tx, {
      workspaceId: principal.workspaceId,
      name: input.name,
      instructions: input.instructions,
      scheme: input.scheme,
      reviewersPerItem: input.reviewersPerItem,
      sourceFilter: input.source,
      createdById: principal.user.id,
    });
    await replaceAssignees(tx, { queueId: queue.id, userIds: assigneeIds });
    const added = await insertItems(tx, drafts.map((d, i) => ({ ...d, queueId: queue.id, position: i + 1 })));
    await recordAuditBy(tx, principal, {
      action: "review.queue.created",
      objectType: "review_queue",
      objectId: queue.id,
      after: { name: queue.name, scheme: queue.scheme, reviewersPerItem: queue.reviewersPerItem, assigneeIds, source: input.source, items: added },
    });
    return { id: queue.id, added };
  });
}

/** Adds more outputs to a queue; anything already in it is skipped, never added twice. */
export async function addQueueItems(principal: UserPrincipal, raw: z.input<typeof addItemsSchema>): Promise<{ added: number; skipped: number }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(addItemsSchema, raw);
  const queue = await loadQueue(getDb(), principal, input.queueId, "manage");
  if (queue.archivedAt) throw new AppError("conflict:review", "This queue is archived; restore it before adding items.");
  const drafts = await collectItems(principal, queue.id, input.source, queue.scheme.type === "pairwise");
  return transaction(async (tx) => {
    const start = await nextItemPosition(tx, { queueId: queue.id });
    const added = await insertItems(tx, drafts.map((d, i) => ({ ...d, queueId: queue.id, position: start + i })));
    if (added > 0) {
      await recordAuditBy(tx, principal, {
        action: "review.items.added",
        objectType: "review_queue",
        objectId: queue.id,
        after: { source: input.source, added },
      });
    }
    return { added, skipped: drafts.length - added };
  });
}

export async function updateQueue(principal: UserPrincipal, raw: z.input<typeof updateQueueSchema>): Promise<{ id: string }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(updateQueueSchema, raw);
  return transaction(async (tx) => {
    const queue = await loadQueue(tx, principal, input.queueId, "manage");
    const beforeAssignees = (await listAssignees(tx, { queueId: queue.id })).map((a) => a.userId);
    if (input.name !== undefined) await refuseTakenName(tx, principal.workspaceId, input.name, queue.id);
    const assigneeIds = input.assigneeIds ? await checkAssignees(tx, principal.workspaceId, input.assigneeIds) : beforeAssignees;
    const reviewersPerItem = input.reviewersPerItem ?? queue.reviewersPerItem;
    if (reviewersPerItem > assigneeIds.length) {
      throw new AppError("bad_request:review", `Each item needs ${reviewersPerItem} reviewers, but only ${assigneeIds.length} are assigned.`);
    }
    const updated = await updateQueueRow(tx, {
      queueId: queue.id,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.instructions !== undefined ? { instructions: input.instructions } : {}),
      reviewersPerItem,
    });
    if (input.assigneeIds) await replaceAssignees(tx, { queueId: queue.id, userIds: assigneeIds });
    await recordAuditBy(tx, principal, {
      action: "review.queue.updated",
      objectType: "review_queue",
      objectId: queue.id,
      before: { name: queue.name, instructions: queue.instructions, reviewersPerItem: queue.reviewersPerItem, assigneeIds: beforeAssignees },
      after: { name: updated.name, instructions: updated.instructions, reviewersPerItem: updated.reviewersPerItem, assigneeIds },
    });
    return { id: queue.id };
  });
}

export async function setQueueArchived(principal: UserPrincipal, raw: z.input<typeof archiveQueueSchema>): Promise<{ id: string }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(archiveQueueSchema, raw);
  return transaction(async (tx) => {
    const queue = await loadQueue(tx, principal, input.queueId, "manage");
    await updateQueueRow(tx, { queueId: queue.id, archivedAt: input.archived ? new Date() : null });
    await recordAuditBy(tx, principal, {
      action: input.archived ? "review.queue.archived" : "review.queue.restored",
      objectType: "review_queue",
      objectId: queue.id,
    });
    return { id: queue.id };
  });
}

export async function createTag(principal: UserPrincipal, raw: z.input<typeof tagSchema>): Promise<{ id: string; name: string }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(tagSchema, raw);
  return transaction(async (tx) => {
    const tag = await insertTag(tx, { workspaceId: principal.workspaceId, name: input.name });
    if (!tag) throw new AppError("conflict:review", `The tag "${input.name}" already exists.`);
    await recordAuditBy(tx, principal, { action: "review.tag.created", objectType: "feedback_tag", objectId: tag.id, after: { name: tag.name } });
    return { id: tag.id, name: tag.name };
  });
}

/** Removes a tag from the list; ratings that used it keep the name they were given. */
export async function deleteTag(principal: UserPrincipal, raw: z.input<typeof deleteTagSchema>): Promise<{ id: string }> {
  requirePermission(principal, "review:manage");
  const input = parseInput(deleteTagSchema, raw);
  return transaction(async (tx) => {
    const tag = await findTagById(tx, { tagId: input.tagId });
    if (!tag || tag.workspaceId !== principal.workspaceId) throw new AppError("not_found:review", "That tag was not found in this workspace.");
    await deleteTagRow(tx, { tagId: tag.id });
    await recordAuditBy(tx, principal, { action: "review.tag.deleted", objectType: "feedback_tag", objectId: tag.id, before: { name: tag.name } });
    return { id: tag.id };
  });
}

function insertQueue(tx: DbOrTx, values: typeof reviewQueues.$inferInsert): Promise<ReviewQueue> {
  return only(tx.insert(reviewQueues).values(values).returning());
}

function updateQueueRow(tx: DbOrTx, { queueId, ...set }: { queueId: string; name?: string; instructions?: string; reviewersPerItem?: number; archivedAt?: Date | null }) {
  return only(tx.update(reviewQueues).set(set).where(eq(reviewQueues.id, queueId)).returning());
}

async function replaceAssignees(tx: DbOrTx, { queueId, userIds }: { queueId: string; userIds: string[] }): Promise<void> {
  await tx.delete(reviewQueueAssignees).where(eq(reviewQueueAssignees.queueId, queueId));
  if (userIds.length > 0) await tx.insert(reviewQueueAssignees).values(userIds.map((userId) => ({ queueId, userId })));
}

/** Inserts items, skipping any whose source is already in the queue (the unique index decides). Returns how many were added. */
async function insertItems(tx: DbOrTx, values: (typeof reviewItems.$inferInsert)[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < values.length; i += 200) {
    added += (await tx.insert(reviewItems).values(values.slice(i, i + 200)).onConflictDoNothing().returning({ id: reviewItems.id })).length;
  }
  return added;
}

/** The new tag, or undefined when the workspace already has one of that name. */
async function insertTag(tx: DbOrTx, values: { workspaceId: string; name: string }) {
  return (await tx.insert(feedbackTags).values(values).onConflictDoNothing().returning())[0];
}

async function deleteTagRow(tx: DbOrTx, { tagId }: { tagId: string }): Promise<void> {
  await tx.delete(feedbackTags).where(eq(feedbackTags.id, tagId));
}
