import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
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

const IMMEDIATE = { behavior: "immediate" } as const;

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

export function rateItem(principal: UserPrincipal, raw: z.input<typeof rateItemSchema>): RateResult {
  requirePermission(principal, "review:rate");
  const input = parseInput(rateItemSchema, raw);
  return getDb().transaction((tx) => {
    const item = findItemById(tx, { itemId: input.itemId });
    if (!item) throw new AppError("not_found:review", "That review item was not found in this workspace.");
    const queue = loadQueue(tx, principal, item.queueId, "rate");
    if (queue.archivedAt) throw new AppError("conflict:review", "This queue is archived; its ratings can no longer change.");
    const known = new Set(listTags(tx, { workspaceId: principal.workspaceId }).map((t) => t.name));
    const unknown = input.tags.find((t) => !known.has(t));
    if (unknown) throw new AppError("bad_request:review", `"${unknown}" is not one of this workspace's feedback tags.`);
    const tags = [...new Set(input.tags)];

    const value = toStored(input.value, item);
    const scored = scoreRating(queue.scheme, value);
    if (typeof scored === "string") throw new AppError("bad_request:review", scored);
    const reveal = value.type === "pairwise" ? revealOf(item) : null;

    const existing = findRating(tx, { itemId: item.id, reviewerId: principal.user.id });
    const after = { value, score: scored.score, comment: input.comment, tags };
    if (existing && same(existing.value, value) && existing.comment === input.comment && same(existing.tags, tags)) {
      return { ratingId: existing.id, outcome: "unchanged", reveal };
    }
    const rating = existing
      ? updateRatingRow(tx, { ratingId: existing.id, ...after })
      : insertRating(tx, { workspaceId: principal.workspaceId, queueId: queue.id, itemId: item.id, reviewerId: principal.user.id, ...after });
    replaceRatingScores(tx, { ratingId: rating.id, scores: scored.criteria });
    recordAuditBy(tx, principal, {
      action: existing ? "review.rating.updated" : "review.rating.created",
      objectType: "rating",
      objectId: rating.id,
      before: existing ? { value: existing.value, score: existing.score, comment: existing.comment, tags: existing.tags } : null,
      after: { queueId: queue.id, itemId: item.id, ...after },
    });
    return { ratingId: rating.id, outcome: existing ? "updated" : "created", reveal };
  }, IMMEDIATE);
}

function insertRating(tx: DbOrTx, values: typeof ratings.$inferInsert): Rating {
  return tx.insert(ratings).values(values).returning().get();
}

function updateRatingRow(tx: DbOrTx, { ratingId, ...set }: { ratingId: string; value: Rating["value"]; score: number | null; comment: string; tags: string[] }): Rating {
  return tx
    .update(ratings)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(ratings.id, ratingId))
    .returning()
    .get();
}

function replaceRatingScores(tx: DbOrTx, { ratingId, scores }: { ratingId: string; scores: { criterion: string; value: number; score: number }[] }) {
  tx.delete(ratingScores).where(eq(ratingScores.ratingId, ratingId)).run();
  if (scores.length > 0) tx.insert(ratingScores).values(scores.map((s) => ({ ratingId, ...s }))).run();
}
