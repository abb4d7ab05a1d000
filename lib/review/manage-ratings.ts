import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { ratings, ratingScores, type Rating, type RatingValue, type ReviewItem } from "@/db/schema";
import { recordAuditBy } from "@/lib/platform/audit/record";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { loadQueue } from "./manage-queues";
import { storedChoice } from "./pairwise";
import { findItemById, findRating, listTags } from "./queries";
import { revealOf, type PairReveal } from "./reviewer-view";
import { rateItemSchema, scoreRating } from "./schemas";

// Saving a reviewer's rating. One row per (item, reviewer): a second submit of the same item updates that row (or
// changes nothing when nothing changed), so a double submit can never count twice.

function toStored(value: RatingValue, item: ReviewItem): RatingValue {
  return value.type === "pairwise" ? { type: "pairwise", choice: storedChoice(value.choice, item.pairSwapped) } : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface RateResult {
  ratingId: string;
  /** "created" the first time, "updated" when the reviewer changed it, "unchanged" for a repeat of the same. */
  outcome: "created" | "updated" | "unchanged";
  /** Pairwise only: which version and model each side was, now that the reviewer has answered. */
  reveal: PairReveal | null;
}

export async function rateItem(principal: UserPrincipal, raw: z.input<typeof rateItemSchema>): Promise<RateResult> {
  requirePermission(principal, "review:rate");
  const input = parseInput(rateItemSchema, raw);
  return transaction(async (tx): Promise<RateResult> => {
    const item = await findItemById(tx, { itemId: input.itemId });
    if (!item) throw new AppError("not_found:review", "That review item was not found in this workspace.");
    const queue = await loadQueue(tx, principal, item.queueId, "rate");
    if (queue.archivedAt) throw new AppError("conflict:review", "This queue is archived; its ratings can no longer change.");
    const known = new Set((await listTags(tx, { workspaceId: principal.workspaceId })).map((t) => t.name));
    const unknown = input.tags.find((t) => !known.has(t));
    if (unknown) throw new AppError("bad_request:review", `"${unknown}" is not one of this workspace's feedback tags.`);
    const tags = [...new Set(input.tags)];

    const value = toStored(input.value, item);
    const scored = scoreRating(queue.scheme, value);
    if (typeof scored === "string") throw new AppError("bad_request:review", scored);
    const reveal = value.type === "pairwise" ? revealOf(item) : null;

    const existing = await findRating(tx, { itemId: item.id, reviewerId: principal.user.id });
    const after = { value, score: scored.score, comment: input.comment, tags };
    if (existing && same(existing.value, value) && existing.comment === input.comment && same(existing.tags, tags)) {
      return { ratingId: existing.id, outcome: "unchanged", reveal };
    }
    const rating = existing
      ? await updateRatingRow(tx, { ratingId: existing.id, ...after })
      : await insertRating(tx, { workspaceId: principal.workspaceId, queueId: queue.id, itemId: item.id, reviewerId: principal.user.id, ...after });
    await replaceRatingScores(tx, { ratingId: rating.id, scores: scored.criteria });
    await recordAuditBy(tx, principal, {
      action: existing ? "review.rating.updated" : "review.rating.created",
      objectType: "rating",
      objectId: rating.id,
      before: existing ? { value: existing.value, score: existing.score, comment: existing.comment, tags: existing.tags } : null,
      after: { queueId: queue.id, itemId: item.id, ...after },
    });
    return { ratingId: rating.id, outcome: existing ? "updated" : "created", reveal };
  });
}

function insertRating(tx: DbOrTx, values: typeof ratings.$inferInsert): Promise<Rating> {
  return only(tx.insert(ratings).values(values).returning());
}

function updateRatingRow(tx: DbOrTx, { ratingId, ...set }: { ratingId: string; value: Rating["value"]; score: number | null; comment: string; tags: string[] }): Promise<Rating> {
  return only(
    tx
      .update(ratings)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(ratings.id, ratingId))
      .returning(),
  );
}

async function replaceRatingScores(tx: DbOrTx, { ratingId, scores }: { ratingId: string; scores: { criterion: string; value: number; score: number }[] }): Promise<void> {
  await tx.delete(ratingScores).where(eq(ratingScores.ratingId, ratingId));
  if (scores.length > 0) await tx.insert(ratingScores).values(scores.map((s) => ({ ratingId, ...s })));
}
