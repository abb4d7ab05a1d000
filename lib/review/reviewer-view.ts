import "server-only";
import { getDb, type DbOrTx } from "@/db";
import type { RatingScheme, RatingValue, ReviewItem, ReviewQueue } from "@/db/schema";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { findPromptById } from "@/lib/prompts/server";
import { loadQueue } from "./manage-queues";
import { displayedChoice, sides } from "./pairwise";
import { findItemById, findRating, listReviewerItems, listTags } from "./queries";

// What a reviewer's browser receives: the queue's items that are theirs to rate, and one item at a time. A pairwise
// item is sent as two unnamed sides; which version and model made each side is sent only once they have answered.

export interface PairSideInfo {
  version: number | null;
  modelId: string;
  label: string;
}
export type PairReveal = { A: PairSideInfo; B: PairSideInfo };

const sideInfo = (version: number | null, modelId: string): PairSideInfo => ({ version, modelId, label: `${version === null ? "draft" : `v${version}`} · ${modelId || "unknown model"}` });

/** The sources of a pairwise item's sides, as displayed (A = left). */
export function revealOf(item: ReviewItem): PairReveal {
  return sides({ source: sideInfo(item.version, item.modelId), pair: sideInfo(item.pairVersion, item.pairModelId ?? ""), swapped: item.pairSwapped });
}

export interface RatingSession {
  queue: { id: string; name: string; instructions: string; scheme: RatingScheme; reviewersPerItem: number; archived: boolean };
  items: { id: string; position: number; rated: boolean }[];
  tags: string[];
}

export async function loadRatingSession(principal: UserPrincipal, queueId: string): Promise<RatingSession> {
  requirePermission(principal, "review:rate");
  const db = getDb();
  return ratingSessionOf(db, principal, await loadQueue(db, principal, queueId, "rate"));
}

/** The session of a queue the caller has already been found to rate. */
export async function ratingSessionOf(db: DbOrTx, principal: UserPrincipal, queue: ReviewQueue): Promise<RatingSession> {
  const [items, tags] = await Promise.all([
    listReviewerItems(db, { queueId: queue.id, reviewerId: principal.user.id, reviewersPerItem: queue.reviewersPerItem }),
    listTags(db, { workspaceId: principal.workspaceId }),
  ]);
  return {
    queue: { id: queue.id, name: queue.name, instructions: queue.instructions, scheme: queue.scheme, reviewersPerItem: queue.reviewersPerItem, archived: queue.archivedAt !== null },
    items,
    tags: tags.map((t) => t.name),
  };
}

export interface ReviewItemView {
  id: string;
  queueId: string;
  position: number;
  variables: Record<string, string>;
  /** Null while a pairwise item is unanswered: two versions' rendered prompts would tell them apart. */
  renderedPrompt: string | null;
  /** Known for single outputs; hidden (null) for pairwise items. */
  source: { promptName: string | null; label: string; sourceType: ReviewItem["sourceType"] } | null;
  output: string | null;
  pair: { A: string; B: string } | null;
  reveal: PairReveal | null;
  /** The caller's own rating, as they gave it (pairwise choices by displayed side). */
  myRating: { value: RatingValue; comment: string; tags: string[]; updatedAt: number } | null;
}

export async function loadReviewItem(principal: UserPrincipal, itemId: string): Promise<ReviewItemView> {
  requirePermission(principal, "review:rate");
  const db = getDb();
  const item = await findItemById(db, { itemId });
  if (!item) throw new AppError("not_found:review", "That review item was not found in this workspace.");
  await loadQueue(db, principal, item.queueId, "rate");
  const [rating, prompt] = await Promise.all([
    findRating(db, { itemId: item.id, reviewerId: principal.user.id }),
    item.promptId ? findPromptById(db, { promptId: item.promptId }) : undefined,
  ]);
  const pairwise = item.pairSourceId !== "";
  const promptName = prompt?.name ?? null;
  const value: RatingValue | null = rating
    ? rating.value.type === "pairwise"
      ? { type: "pairwise", choice: displayedChoice(rating.value.choice, item.pairSwapped) }
      : rating.value
    : null;
  return {
    id: item.id,
    queueId: item.queueId,
    position: item.position,
    variables: item.variables,
    renderedPrompt: pairwise && !rating ? null : item.renderedPrompt,
    source: pairwise ? null : { promptName, label: sideInfo(item.version, item.modelId).label, sourceType: item.sourceType },
    output: pairwise ? null : item.output,
    pair: pairwise ? sides({ source: item.output, pair: item.pairOutput ?? "", swapped: item.pairSwapped }) : null,
    reveal: pairwise && rating ? revealOf(item) : null,
    myRating: rating && value ? { value, comment: rating.comment, tags: rating.tags, updatedAt: rating.updatedAt.getTime() } : null,
  };
}
