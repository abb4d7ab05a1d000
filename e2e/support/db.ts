// What review queues and ratings the studio STORED, read from its database file (e2e/support/studio-db.ts).
import { readStudioDb as read } from "./studio-db";

export function queueIdByName(name: string): string {
  return read((db) => (db.prepare("SELECT id FROM review_queues WHERE name = ?").get(name) as { id: string } | undefined)?.id ?? "");
}

export interface StoredRating {
  ratingId: string;
  /** The item's position in its queue (1-based). */
  position: number;
  value: unknown;
  /** rating_scores rows: criterion → raw value on its own scale. */
  scores: Record<string, number>;
}

/** One reviewer's stored ratings in a queue, by item position. */
export function storedRatings(queueId: string, reviewerEmail: string): StoredRating[] {
  return read((db) => {
    const rows = db
      .prepare(
        `SELECT r.id AS ratingId, i.position, r.value FROM ratings r
           JOIN review_items i ON i.id = r.item_id
           JOIN users u ON u.id = r.reviewer_id
          WHERE r.queue_id = ? AND u.email = ? ORDER BY i.position`,
      )
      .all(queueId, reviewerEmail) as { ratingId: string; position: number; value: string }[];
    const scores = db.prepare("SELECT criterion, value FROM rating_scores WHERE rating_id = ?");
    return rows.map((r) => ({
      ratingId: r.ratingId,
      position: r.position,
      value: JSON.parse(r.value) as unknown,
      scores: Object.fromEntries((scores.all(r.ratingId) as { criterion: string; value: number }[]).map((s) => [s.criterion, s.value])),
    }));
  });
}
