import { sql, type SQL } from "drizzle-orm";
import type { QueueSource } from "./schemas";

// The SQL behind each kind of queue source, single or pairwise: where the outputs are, which of their columns a
// queue's filters compare, and what an item is made of. sources.ts runs them; a new source is a new entry here.

/** The columns a source's filters compare; a filter whose column a source lacks is refused with a clear message. */
export interface FilterColumns {
  prompt: string;
  version: string;
  environment?: string;
  model: string;
  score?: string;
  run?: string;
}

/** What every match is scoped to: the queue's workspace, and the queue (to leave out what it already holds). */
export interface SourceScope {
  workspaceId: string;
  queueId: string;
}

export interface SourceQuery {
  filters: FilterColumns;
  /** Conditions every match meets, besides the queue's filters. */
  where: (scope: SourceScope) => SQL[];
  from: SQL;
  /** The item's columns, named as sources.ts's Row (aliases double-quoted: Postgres folds bare names to lower case). */
  columns: SQL;
  /** The order when the queue takes everything (a sample is random). */
  order: SQL;
}

/** Leaves out sources (or pairs) already in the queue; the unique index on review_items refuses them anyway. */
const notQueued = (queueId: string, type: QueueSource["type"], sourceColumn: string, pairColumn = "''") =>
  sql`NOT EXISTS (SELECT 1 FROM review_items q WHERE q.queue_id = ${queueId} AND q.source_type = ${type} AND q.source_id = ${sql.raw(sourceColumn)} AND q.pair_source_id = ${sql.raw(pairColumn)})`;

/**
 * Pairwise queues take pairs with the same input: the first two targets of one evaluation (per case), or the first
 * two columns of one playground run. Generations have no pairs.
 */
export const SOURCE_QUERIES: Record<QueueSource["type"], { single: SourceQuery; pairwise?: SourceQuery }> = {
  "eval-result": {
    single: {
      filters: { prompt: "t.prompt_id", version: "t.version", environment: "t.environment_id", model: "t.model_id", score: "r.score", run: "r.run_id" },
      where: ({ workspaceId, queueId }) => [sql`run.workspace_id = ${workspaceId}`, sql`r.status != 'error'`, notQueued(queueId, "eval-result", "r.id")],
      from: sql`FROM eval_results r
             JOIN eval_runs run ON run.id = r.run_id
             JOIN eval_run_targets t ON t.id = r.target_id
             JOIN eval_run_cases c ON c.id = r.run_case_id`,
      columns: sql`r.id AS "sourceId", t.prompt_id AS "promptId", t.version, t.environment_id AS "environmentId", t.model_id AS "modelId",
                c.variables, r.rendered_input AS "renderedPrompt", r.output`,
      order: sql`r.created_at DESC, c.position`,
    },
    pairwise: {
      filters: { prompt: "ta.prompt_id", version: "ta.version", model: "ta.model_id", run: "a.run_id" },
      where: ({ workspaceId, queueId }) => [
        sql`run.workspace_id = ${workspaceId}`,
        sql`a.status != 'error'`,
        sql`b.status != 'error'`,
        notQueued(queueId, "eval-result", "a.id", "b.id"),
      ],
      from: sql`FROM eval_results a
             JOIN eval_runs run ON run.id = a.run_id
             JOIN eval_run_targets ta ON ta.id = a.target_id AND ta.position = 1
             JOIN eval_run_targets tb ON tb.run_id = a.run_id AND tb.position = 2
             JOIN eval_results b ON b.target_id = tb.id AND b.run_case_id = a.run_case_id
             JOIN eval_run_cases c ON c.id = a.run_case_id`,
      columns: sql`a.id AS "sourceId", b.id AS "pairSourceId", ta.prompt_id AS "promptId", ta.version, ta.environment_id AS "environmentId",
                ta.model_id AS "modelId", c.variables, a.rendered_input AS "renderedPrompt", a.output, tb.version AS "pairVersion",
                tb.model_id AS "pairModelId", b.output AS "pairOutput"`,
      order: sql`c.position`,
    },
  },
  "playground-run": {
    single: {
      filters: { prompt: "r.prompt_id", version: "r.version", model: "r.model_id" },
      where: ({ workspaceId, queueId }) => [sql`r.workspace_id = ${workspaceId}`, sql`r.status = 'succeeded'`, notQueued(queueId, "playground-run", "r.id")],
      from: sql`FROM playground_runs r`,
      columns: sql`r.id AS "sourceId", r.prompt_id AS "promptId", r.version, NULL AS "environmentId", r.model_id AS "modelId", r.variables,
                r.input AS "renderedPrompt", r.prompt_message_count AS "promptMessageCount", r.output`,
      order: sql`r.created_at DESC`,
    },
    pairwise: {
      filters: { prompt: "a.prompt_id", version: "a.version", model: "a.model_id" },
      where: ({ workspaceId, queueId }) => [
        sql`a.workspace_id = ${workspaceId}`,
        sql`a.column_index = 1`,
        sql`a.status = 'succeeded'`,
        sql`b.status = 'succeeded'`,
        notQueued(queueId, "playground-run", "a.id", "b.id"),
      ],
      from: sql`FROM playground_runs a JOIN playground_runs b ON b.batch_id = a.batch_id AND b.column_index = 2`,
      columns: sql`a.id AS "sourceId", b.id AS "pairSourceId", a.prompt_id AS "promptId", a.version, NULL AS "environmentId", a.model_id AS "modelId",
                a.variables, a.input AS "renderedPrompt", a.prompt_message_count AS "promptMessageCount", a.output, b.version AS "pairVersion",
                b.model_id AS "pairModelId", b.output AS "pairOutput"`,
      order: sql`a.created_at DESC`,
    },
  },
  // A generation's score is its end-user feedback (the mean kept on the row, 0..1); a score filter keeps only
  // generations with feedback.
  generation: {
    single: {
      filters: { prompt: "g.prompt_id", version: "g.version", environment: "g.environment_id", model: "g.model_id", score: "g.feedback_score" },
      where: ({ workspaceId, queueId }) => [sql`g.workspace_id = ${workspaceId}`, notQueued(queueId, "generation", "g.id")],
      from: sql`FROM generations g`,
      columns: sql`g.id AS "sourceId", g.prompt_id AS "promptId", g.version, g.environment_id AS "environmentId", g.model_id AS "modelId", g.variables,
                '' AS "renderedPrompt", g.output`,
      order: sql`g.created_at DESC`,
    },
  },
};
