import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import type { RatingValue } from "@/db/schema";
import { readJson } from "@/db/sql-dialect";
import { ratingsWhere, type FeedbackScope } from "./scope";

// The drill-down behind every feedback chart: the ratings in scope, newest first, a page at a time. Keyset
// pagination on (created_at, id), so page 50 costs what page 1 does and a new rating never shifts a page.

export const RATED_ITEMS_PAGE = 100;
/** Characters of the output shown per row; the page renders them as plain text. */
const OUTPUT_PREVIEW = 400;

export interface RatedItem {
  ratingId: string;
  createdAt: number;
  queueId: string;
  queueName: string;
  promptId: string | null;
  promptName: string | null;
  version: number | null;
  pairVersion: number | null;
  modelId: string;
  reviewerEmail: string;
  value: RatingValue;
  score: number | null;
  comment: string;
  tags: string[];
  sourceType: string;
  output: string;
  outputTruncated: boolean;
}

/** `value` and `tags` are JSON: text on SQLite, parsed on Postgres (readJson). */
interface Row extends Omit<RatedItem, "value" | "tags" | "outputTruncated"> {
  value: unknown;
  tags: unknown;
  outputLength: number;
}

/**
 * `viewerId`: a member assigned to a queue sees others' ratings of an item there only once they have rated it
 * themselves, so the drill-down never anchors a reviewer's own judgement.
 */
export async function listRatedItems(scope: FeedbackScope & { viewerId?: string }): Promise<{ items: RatedItem[]; nextCursor: string | null }> {
  const conditions = [ratingsWhere(scope)];
  if (scope.viewerId) {
    const viewerId = scope.viewerId;
    conditions.push(sql`(r.reviewer_id = ${viewerId}
       OR NOT EXISTS (SELECT 1 FROM review_queue_assignees a WHERE a.queue_id = r.queue_id AND a.user_id = ${viewerId})
       OR EXISTS (SELECT 1 FROM ratings mine WHERE mine.item_id = r.item_id AND mine.reviewer_id = ${viewerId}))`);
  }
  if (scope.cursor) {
    const dot = scope.cursor.indexOf(".");
    conditions.push(sql`(r.created_at, r.id) < (${Number(scope.cursor.slice(0, dot))}, ${scope.cursor.slice(dot + 1)})`);
  }
  const rows = await rawRows<Row>(
    getDb(),
    sql`SELECT r.id AS "ratingId", r.created_at AS "createdAt", r.queue_id AS "queueId", q.name AS "queueName", i.prompt_id AS "promptId",
         p.name AS "promptName", i.version, i.pair_version AS "pairVersion", i.model_id AS "modelId", u.email AS "reviewerEmail", r.value,
         r.score, r.comment, r.tags, i.source_type AS "sourceType", substr(i.output, 1, ${OUTPUT_PREVIEW}) AS output,
         length(i.output) AS "outputLength"
       FROM ratings r
       JOIN review_items i ON i.id = r.item_id
       JOIN review_queues q ON q.id = r.queue_id
       JOIN users u ON u.id = r.reviewer_id
       LEFT JOIN prompts p ON p.id = i.prompt_id
       WHERE ${sql.join(conditions, sql` AND `)}
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${RATED_ITEMS_PAGE + 1}`,
  );
  const page = rows.slice(0, RATED_ITEMS_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(({ outputLength, value, tags, ...row }) => ({
      ...row,
      value: readJson<RatingValue>(value),
      tags: readJson<string[]>(tags),
      outputTruncated: outputLength > OUTPUT_PREVIEW,
    })),
    nextCursor: rows.length > RATED_ITEMS_PAGE && last ? `${last.createdAt}.${last.ratingId}` : null,
  };
}

/** The queues of the workspace, to name the queue filter on the drill-down page. */
export async function listQueueNames(workspaceId: string): Promise<{ id: string; name: string }[]> {
  return rawRows<{ id: string; name: string }>(getDb(), sql`SELECT id, name FROM review_queues WHERE workspace_id = ${workspaceId} ORDER BY name`);
}
