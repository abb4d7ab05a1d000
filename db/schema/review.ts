import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "./dialect";
import { id, createdAt, ref, updatedAt, timestamp, optionalRef } from "./columns";
import { users, workspaceScoped } from "./identity";
import { prompts } from "./prompts";
import { environments } from "./releases";
import type { RatingScheme, RatingValue } from "../../lib/core/vocabulary/rating-scheme";

export { type RatingScheme, type RatingValue };

// Review queues, their items, ratings and tags. db/schema/index.ts gathers every group.

export const reviewQueues = sqliteTable(
  "review_queues",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    instructions: text("instructions").notNull().default(""),
    scheme: text("scheme", { mode: "json" }).$type<RatingScheme>().notNull(),
    /** How many different reviewers must rate each item before it is done. */
    reviewersPerItem: integer("reviewers_per_item").notNull().default(1),
    /** The filter the queue was built from, kept to show where its items came from. */
    sourceFilter: text("source_filter", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    archivedAt: timestamp("archived_at"),
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("review_queues_workspace_name").on(t.workspaceId, t.name)],
);
export type ReviewQueue = typeof reviewQueues.$inferSelect;

export const reviewQueueAssignees = sqliteTable(
  "review_queue_assignees",
  {
    queueId: ref("queue_id", () => reviewQueues.id),
    userId: ref("user_id", () => users.id),
  },
  (t) => [uniqueIndex("review_queue_assignees_pk").on(t.queueId, t.userId), index("review_queue_assignees_user").on(t.userId)],
);

export const REVIEW_SOURCE_TYPES = ["eval-result", "playground-run", "generation"] as const;
export type ReviewSourceType = (typeof REVIEW_SOURCE_TYPES)[number];

/**
 * An output to rate, copied from its source when added (so it reads the same after the source changes). For
 * pairwise queues `pair_*` holds the second output; `pair_swapped` (random, fixed when added) says whether the
 * source is shown on the right. Unique on (queue, source, pair source): nothing is added to a queue twice.
 */
export const reviewItems = sqliteTable(
  "review_items",
  {
    id: id(),
    queueId: ref("queue_id", () => reviewQueues.id),
    position: integer("position").notNull(),
    sourceType: text("source_type", { enum: REVIEW_SOURCE_TYPES }).notNull(),
    sourceId: text("source_id").notNull(),
    /** '' when the item is not pairwise (SQLite treats NULLs as distinct in unique indexes). */
    pairSourceId: text("pair_source_id").notNull().default(""),
    promptId: optionalRef("prompt_id", () => prompts.id),
    version: integer("version"),
    environmentId: optionalRef("environment_id", () => environments.id),
    modelId: text("model_id").notNull().default(""),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    renderedPrompt: text("rendered_prompt").notNull().default(""),
    output: text("output").notNull(),
    pairVersion: integer("pair_version"),
    pairModelId: text("pair_model_id"),
    pairOutput: text("pair_output"),
    pairSwapped: integer("pair_swapped", { mode: "boolean" }).notNull().default(false),
    /**
     * For an eval result: its run's dataset, and its LLM judges' verdict (their mean score, and whether all passed),
     * copied when the item is added like the output, so the dashboards' dataset filter and human-vs-judge agreement
     * read the item alone and stay the same if the result is ever deleted. NULL for other sources, and when no
     * llm-rubric scorer scored the result.
     */
    datasetId: text("dataset_id"),
    judgeScore: real("judge_score"),
    judgePass: integer("judge_pass", { mode: "boolean" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("review_items_queue_source").on(t.queueId, t.sourceType, t.sourceId, t.pairSourceId),
    index("review_items_queue_position").on(t.queueId, t.position),
    index("review_items_prompt_version").on(t.promptId, t.version),
    // The models a queue's items came from (the model filter menu), one seek per distinct model.
    index("review_items_queue_model").on(t.queueId, t.modelId),
  ],
);
export type ReviewItem = typeof reviewItems.$inferSelect;

/** One reviewer's rating of one item; unique per (item, reviewer), so a double submit updates, never adds. */
export const ratings = sqliteTable(
  "ratings",
  {
    ...workspaceScoped(),
    queueId: ref("queue_id", () => reviewQueues.id),
    itemId: ref("item_id", () => reviewItems.id),
    reviewerId: ref("reviewer_id", () => users.id),
    value: text("value", { mode: "json" }).$type<RatingValue>().notNull(),
    /** The rating normalised to 0..1 (thumbs 0/1, scale (v-1)/4, rubric mean); null for pairwise. */
    score: real("score"),
    comment: text("comment").notNull().default(""),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("ratings_item_reviewer").on(t.itemId, t.reviewerId),
    index("ratings_queue_reviewer").on(t.queueId, t.reviewerId),
    index("ratings_workspace_created").on(t.workspaceId, t.createdAt),
  ],
);
export type Rating = typeof ratings.$inferSelect;

/** One row per rubric criterion (or the single score of other schemes), for per-criterion SQL aggregates. */
export const ratingScores = sqliteTable(
  "rating_scores",
  {
    ratingId: ref("rating_id", () => ratings.id),
    criterion: text("criterion").notNull(),
    /** The raw value on the criterion's own scale (1-5, or 0/1 for yes-no and thumbs). */
    value: real("value").notNull(),
    /** The value normalised to 0..1. */
    score: real("score").notNull(),
  },
  (t) => [
    uniqueIndex("rating_scores_rating_criterion").on(t.ratingId, t.criterion),
    index("rating_scores_criterion").on(t.criterion),
    // Covering, for the rubric charts: a rating's criterion scores without reading the rows.
    index("rating_scores_rating_criterion_score").on(t.ratingId, t.criterion, t.score),
  ],
);
export type RatingScore = typeof ratingScores.$inferSelect;

/** The workspace's list of feedback tags ("hallucination", "off-tone", "unsafe"…). */
export const feedbackTags = sqliteTable(
  "feedback_tags",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_tags_workspace_name").on(t.workspaceId, t.name)],
);
export type FeedbackTag = typeof feedbackTags.$inferSelect;
