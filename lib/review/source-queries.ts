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

export interface SourceQuery {
  filters: FilterColumns;
  /** Conditions every match meets, besides the queue's filters. */
  where: string[];
  from: string;
  /** The item's columns, named as sources.ts's Row. */
  columns: string;
  /** The order when the queue takes everything (a sample is random). */
  order: string;
}

/** Leaves out sources (or pairs) already in the queue; the unique index on review_items refuses them anyway. */
const notQueued = (type: QueueSource["type"], sourceColumn: string, pairColumn = "''") =>
  `NOT EXISTS (SELECT 1 FROM review_items q WHERE q.queue_id = @queueId AND q.source_type = '${type}' AND q.source_id = ${sourceColumn} AND q.pair_source_id = ${pairColumn})`;

/**
 * Pairwise queues take pairs with the same input: the first two targets of one evaluation (per case), or the first
 * two columns of one playground run. Generations have no pairs.
 */
export const SOURCE_QUERIES: Record<QueueSource["type"], { single: SourceQuery; pairwise?: SourceQuery }> = {
  "eval-result": {
    single: {
      filters: { prompt: "t.prompt_id", version: "t.version", environment: "t.environment_id", model: "t.model_id", score: "r.score", run: "r.run_id" },
      where: ["run.workspace_id = @workspaceId", "r.status != 'error'", notQueued("eval-result", "r.id")],
      from: `FROM eval_results r
             JOIN eval_runs run ON run.id = r.run_id
             JOIN eval_run_targets t ON t.id = r.target_id
             JOIN eval_run_cases c ON c.id = r.run_case_id`,
      columns: `r.id AS sourceId, t.prompt_id AS promptId, t.version, t.environment_id AS environmentId, t.model_id AS modelId,
                c.variables, r.rendered_input AS renderedPrompt, r.output`,
      order: "r.created_at DESC, c.position",
    },
    pairwise: {
      filters: { prompt: "ta.prompt_id", version: "ta.version", model: "ta.model_id", run: "a.run_id" },
      where: ["run.workspace_id = @workspaceId", "a.status != 'error'", "b.status != 'error'", notQueued("eval-result", "a.id", "b.id")],
      from: `FROM eval_results a
             JOIN eval_runs run ON run.id = a.run_id
             JOIN eval_run_targets ta ON ta.id = a.target_id AND ta.position = 1
             JOIN eval_run_targets tb ON tb.run_id = a.run_id AND tb.position = 2
             JOIN eval_results b ON b.target_id = tb.id AND b.run_case_id = a.run_case_id
             JOIN eval_run_cases c ON c.id = a.run_case_id`,
      columns: `a.id AS sourceId, b.id AS pairSourceId, ta.prompt_id AS promptId, ta.version, ta.environment_id AS environmentId,
                ta.model_id AS modelId, c.variables, a.rendered_input AS renderedPrompt, a.output, tb.version AS pairVersion,
                tb.model_id AS pairModelId, b.output AS pairOutput`,
      order: "c.position",
    },
  },
  "playground-run": {
    single: {
      filters: { prompt: "r.prompt_id", version: "r.version", model: "r.model_id" },
      where: ["r.workspace_id = @workspaceId", "r.status = 'succeeded'", notQueued("playground-run", "r.id")],
      from: "FROM playground_runs r",
      columns: `r.id AS sourceId, r.prompt_id AS promptId, r.version, NULL AS environmentId, r.model_id AS modelId, r.variables,
                r.input AS renderedPrompt, r.prompt_message_count AS promptMessageCount, r.output`,
      order: "r.created_at DESC",
    },
    pairwise: {
      filters: { prompt: "a.prompt_id", version: "a.version", model: "a.model_id" },
      where: ["a.workspace_id = @workspaceId", "a.column_index = 1", "a.status = 'succeeded'", "b.status = 'succeeded'", notQueued("playground-run", "a.id", "b.id")],
      from: "FROM playground_runs a JOIN playground_runs b ON b.batch_id = a.batch_id AND b.column_index = 2",
      columns: `a.id AS sourceId, b.id AS pairSourceId, a.prompt_id AS promptId, a.version, NULL AS environmentId, a.model_id AS modelId,
                a.variables, a.input AS renderedPrompt, a.prompt_message_count AS promptMessageCount, a.output, b.version AS pairVersion,
                b.model_id AS pairModelId, b.output AS pairOutput`,
      order: "a.created_at DESC",
    },
  },
  // A generation's score is its end-user feedback (the mean kept on the row, 0..1); a score filter keeps only
  // generations with feedback.
  generation: {
    single: {
      filters: { prompt: "g.prompt_id", version: "g.version", environment: "g.environment_id", model: "g.model_id", score: "g.feedback_score" },
      where: ["g.workspace_id = @workspaceId", notQueued("generation", "g.id")],
      from: "FROM generations g",
      columns: `g.id AS sourceId, g.prompt_id AS promptId, g.version, g.environment_id AS environmentId, g.model_id AS modelId, g.variables,
                '' AS renderedPrompt, g.output`,
      order: "g.created_at DESC",
    },
  },
};
