import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { jsonText } from "@/db/sql-dialect";
import { rangeStart, type DashboardFilters } from "@/lib/evals";
import { dayBounds, type RatedItemsFilters } from "./rated-items-filters";

// The WHERE clauses every feedback query shares, with their values bound as parameters. Ratings are read as `r`
// joined to their item `i`; generations as `g`. Every clause starts from the workspace, so no filter can reach
// another one.

export interface FeedbackScope extends DashboardFilters, Partial<RatedItemsFilters> {
  workspaceId: string;
  /** "Now" for the time range; tests pin it. */
  now?: number;
}

const DAY_MS = 86_400_000;

/**
 * The first UTC day a feedback range covers: the day the range starts in, whole. Feedback charts count whole UTC days,
 * because their rollups (db/schema/rollups.ts) are per day; the raw queries use the same bound so both agree.
 */
export function rangeStartDay(scope: Pick<FeedbackScope, "range" | "now">): number | null {
  const since = rangeStart(scope.range, scope.now);
  return since === null ? null : Math.floor(since / DAY_MS);
}

function rangeStartOfDay(scope: FeedbackScope): number | null {
  const day = rangeStartDay(scope);
  return day === null ? null : day * DAY_MS;
}

function builder(first: SQL) {
  const clauses = [first];
  return {
    add(clause: SQL) {
      clauses.push(clause);
    },
    done: (): SQL => sql.join(clauses, sql` AND `),
  };
}

/**
 * Ratings given in queues of one scheme ("rubric", "pairwise"…). A rating's value always has its queue's scheme
 * (fixed when the queue is created), so a lookup of the workspace's few queues replaces parsing every rating's JSON.
 */
export function inQueuesOfScheme(workspaceId: string, scheme: string): SQL {
  return sql`r.queue_id IN (SELECT q.id FROM review_queues q WHERE q.workspace_id = ${workspaceId} AND ${jsonText(sql`q.scheme`, "type")} = ${scheme})`;
}

/**
 * Ratings in scope. The range (from the start of its first UTC day) and day apply to when the rating was first given
 * (`created_at`, which the workspace index covers); prompt, version, environment and model are the rated item's.
 *
 * The dataset filter narrows ratings to items copied from eval results of runs on that dataset: a rating of a
 * production generation or a playground run has no dataset, so it cannot be said to belong to one and is left out
 * while a dataset is chosen (end-user feedback, which is never about a dataset, ignores the filter; the dashboard
 * says so).
 */
export function ratingsWhere(scope: FeedbackScope): SQL {
  const w = builder(sql`r.workspace_id = ${scope.workspaceId}`);
  const since = rangeStartOfDay(scope);
  if (since !== null) w.add(sql`r.created_at >= ${since}`);
  if (scope.day) {
    const { start, end } = dayBounds(scope.day);
    w.add(sql`r.created_at >= ${start} AND r.created_at < ${end}`);
  }
  if (scope.prompt) w.add(sql`i.prompt_id = ${scope.prompt}`);
  if (scope.environment) w.add(sql`i.environment_id = ${scope.environment}`);
  if (scope.model) w.add(sql`i.model_id = ${scope.model}`);
  // An item copied from an eval result carries its run's dataset (db/schema/review.ts); other items have none.
  if (scope.dataset) w.add(sql`i.dataset_id = ${scope.dataset}`);
  if (scope.version !== undefined && scope.versus !== undefined) {
    const { version, versus } = scope;
    w.add(sql`((i.version = ${version} AND i.pair_version = ${versus}) OR (i.version = ${versus} AND i.pair_version = ${version}))`);
  } else if (scope.version !== undefined) {
    w.add(sql`i.version = ${scope.version}`);
  }
  if (scope.queue) w.add(sql`r.queue_id = ${scope.queue}`);
  if (scope.scheme) w.add(inQueuesOfScheme(scope.workspaceId, scope.scheme));
  if (scope.source) w.add(sql`i.source_type = ${scope.source}`);
  if (scope.criterion) w.add(sql`EXISTS (SELECT 1 FROM rating_scores c WHERE c.rating_id = r.id AND c.criterion = ${scope.criterion})`);
  return w.done();
}

/**
 * Generations in scope: range on when the generation was reported; the dataset filter does not apply. The
 * environment is left to the caller, which aggregates per environment.
 */
export function generationsWhere(scope: FeedbackScope): SQL {
  const w = builder(sql`g.workspace_id = ${scope.workspaceId}`);
  const since = rangeStartOfDay(scope);
  if (since !== null) w.add(sql`g.created_at >= ${since}`);
  if (scope.prompt) w.add(sql`g.prompt_id = ${scope.prompt}`);
  if (scope.model) w.add(sql`g.model_id = ${scope.model}`);
  return w.done();
}
