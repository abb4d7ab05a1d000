import "server-only";
import { rangeStart, type DashboardFilters } from "@/lib/evals";
import { dayBounds, type RatedItemsFilters } from "./rated-items-filters";

// The WHERE clauses every feedback query shares, with named parameters. Ratings are read as `r` joined to their
// item `i`; generations as `g`. Every clause starts from the workspace, so no filter can reach another one.

export interface FeedbackScope extends DashboardFilters, Partial<RatedItemsFilters> {
  workspaceId: string;
  /** "Now" for the time range; tests pin it. */
  now?: number;
}

interface Where {
  where: string;
  params: Record<string, unknown>;
}

export type RatingsWhere = Where;

function builder(first: string, workspaceId: string) {
  const clauses = [first];
  const params: Record<string, unknown> = { workspaceId };
  return {
    add(clause: string, values: Record<string, unknown> = {}) {
      clauses.push(clause);
      Object.assign(params, values);
    },
    done: (): RatingsWhere => ({ where: clauses.join(" AND "), params }),
  };
}

/**
 * Ratings given in queues of one scheme ("rubric", or a parameter). A rating's value always has its queue's scheme
 * (fixed when the queue is created), so a lookup of the workspace's few queues replaces parsing every rating's JSON.
 */
export function inQueuesOfScheme(scheme: string): string {
  return `r.queue_id IN (SELECT q.id FROM review_queues q WHERE q.workspace_id = @workspaceId AND json_extract(q.scheme, '$.type') = ${scheme})`;
}

/**
 * Ratings in scope. The range and day apply to when the rating was first given (`created_at`, which the
 * workspace index covers); prompt, version, environment and model are the rated item's.
 *
 * The dataset filter narrows ratings to items copied from eval results of runs on that dataset: a rating of a
 * production generation or a playground run has no dataset, so it cannot be said to belong to one and is left out
 * while a dataset is chosen (end-user feedback, which is never about a dataset, ignores the filter; the dashboard
 * says so).
 */
export function ratingsWhere(scope: FeedbackScope): RatingsWhere {
  const w = builder("r.workspace_id = @workspaceId", scope.workspaceId);
  const since = rangeStart(scope.range, scope.now);
  if (since !== null) w.add("r.created_at >= @since", { since });
  if (scope.day) {
    const { start, end } = dayBounds(scope.day);
    w.add("r.created_at >= @dayStart AND r.created_at < @dayEnd", { dayStart: start, dayEnd: end });
  }
  if (scope.prompt) w.add("i.prompt_id = @promptId", { promptId: scope.prompt });
  if (scope.environment) w.add("i.environment_id = @environmentId", { environmentId: scope.environment });
  if (scope.model) w.add("i.model_id = @modelId", { modelId: scope.model });
  if (scope.dataset) {
    w.add(
      `i.source_type = 'eval-result' AND EXISTS (SELECT 1 FROM eval_results er JOIN eval_runs er_run ON er_run.id = er.run_id
         WHERE er.id = i.source_id AND er_run.dataset_id = @datasetId)`,
      { datasetId: scope.dataset },
    );
  }
  if (scope.version !== undefined && scope.versus !== undefined) {
    w.add("((i.version = @version AND i.pair_version = @versus) OR (i.version = @versus AND i.pair_version = @version))", { version: scope.version, versus: scope.versus });
  } else if (scope.version !== undefined) {
    w.add("i.version = @version", { version: scope.version });
  }
  if (scope.queue) w.add("r.queue_id = @queueId", { queueId: scope.queue });
  if (scope.scheme) w.add(inQueuesOfScheme("@scheme"), { scheme: scope.scheme });
  if (scope.source) w.add("i.source_type = @source", { source: scope.source });
  if (scope.criterion) w.add("EXISTS (SELECT 1 FROM rating_scores c WHERE c.rating_id = r.id AND c.criterion = @criterion)", { criterion: scope.criterion });
  return w.done();
}

/**
 * Generations in scope: range on when the generation was reported; the dataset filter does not apply. The
 * environment is left to the caller, which aggregates per environment.
 */
export function generationsWhere(scope: FeedbackScope): Where {
  const w = builder("g.workspace_id = @workspaceId", scope.workspaceId);
  const since = rangeStart(scope.range, scope.now);
  if (since !== null) w.add("g.created_at >= @since", { since });
  if (scope.prompt) w.add("g.prompt_id = @promptId", { promptId: scope.prompt });
  if (scope.model) w.add("g.model_id = @modelId", { modelId: scope.model });
  return w.done();
}
