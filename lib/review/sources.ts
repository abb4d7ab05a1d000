import "server-only";
import { getSqlite, type DbOrTx } from "@/db";
import type { reviewItems } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { drawSwapped } from "./pairwise";
import type { QueueSource } from "./schemas";

// Where review items come from: eval results, playground runs and production generations, filtered and sampled in
// SQL. Sources already in the queue are left out here, and the unique index on review_items refuses them anyway.

// Raw SQL goes to the one connection; inside a drizzle transaction that is the same connection.
const sqlite = (_tx: DbOrTx) => getSqlite();

export type ItemDraft = Omit<typeof reviewItems.$inferInsert, "id" | "queueId" | "position" | "createdAt">;

interface Filter {
  clauses: string[];
  params: Record<string, string | number>;
}

interface Columns {
  prompt: string;
  version: string;
  environment?: string;
  model: string;
  score?: string;
  run?: string;
}

function filterFor(source: QueueSource, columns: Columns, base: Filter): Filter {
  const { clauses, params } = base;
  const add = (column: string | undefined, op: string, name: string, value: string | number | undefined, what: string) => {
    if (value === undefined) return;
    if (!column) throw new AppError("bad_request:review", `${what} does not apply to ${source.type.replace("-", " ")}s.`);
    clauses.push(`${column} ${op} @${name}`);
    params[name] = value;
  };
  add(columns.prompt, "=", "promptId", source.promptId, "A prompt filter");
  add(columns.version, "=", "version", source.version, "A version filter");
  add(columns.environment, "=", "environmentId", source.environmentId, "An environment filter");
  add(columns.model, "=", "modelId", source.modelId, "A model filter");
  add(columns.run, "=", "runId", source.runId, "An evaluation filter");
  add(columns.score, ">=", "minScore", source.minScore, "A minimum score");
  add(columns.score, "<=", "maxScore", source.maxScore, "A maximum score");
  return { clauses, params };
}

/** How many of `matched` rows to take: the sample share, at most the limit, at least one when sampling anything. */
export function sampleSize(matched: number, samplePercent: number, limit: number): number {
  if (matched === 0) return 0;
  return Math.min(limit, Math.max(1, Math.round((matched * samplePercent) / 100)));
}

/** Counts the matches, then takes a random sample (or the newest rows when taking everything). */
function select<T>(tx: DbOrTx, { from, filter, order, columns, source }: { from: string; filter: Filter; order: string; columns: string; source: QueueSource }): T[] {
  const where = filter.clauses.length > 0 ? `WHERE ${filter.clauses.join(" AND ")}` : "";
  const db = sqlite(tx);
  const matched = (db.prepare(`SELECT count(*) AS n ${from} ${where}`).get(filter.params) as { n: number }).n;
  const take = sampleSize(matched, source.samplePercent, source.limit);
  if (take === 0) return [];
  const ordering = source.samplePercent < 100 ? "random()" : order;
  return db.prepare(`SELECT ${columns} ${from} ${where} ORDER BY ${ordering} LIMIT @take`).all({ ...filter.params, take }) as T[];
}

const notQueued = (type: string, sourceColumn: string, pairColumn = "''") =>
  `NOT EXISTS (SELECT 1 FROM review_items q WHERE q.queue_id = @queueId AND q.source_type = '${type}' AND q.source_id = ${sourceColumn} AND q.pair_source_id = ${pairColumn})`;

/** A chat prompt's messages (JSON) as readable text; plain text as it is. */
export function formatRenderedPrompt(raw: string): string {
  if (!raw.startsWith("[")) return raw;
  try {
    const messages = JSON.parse(raw) as { role?: unknown; content?: unknown }[];
    if (!Array.isArray(messages)) return raw;
    return messages.map((m) => `[${String(m.role ?? "message")}]\n${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`).join("\n\n");
  } catch {
    return raw;
  }
}

interface Row {
  sourceId: string;
  pairSourceId?: string;
  promptId: string;
  version: number | null;
  environmentId: string | null;
  modelId: string;
  variables: string;
  renderedPrompt: string;
  output: string;
  pairVersion?: number | null;
  pairModelId?: string | null;
  pairOutput?: string | null;
  promptMessageCount?: number;
}

function toDraft(type: ItemDraft["sourceType"], row: Row, pairwise: boolean): ItemDraft {
  let rendered = row.renderedPrompt;
  if (type === "playground-run" && row.promptMessageCount !== undefined) {
    try {
      rendered = JSON.stringify((JSON.parse(rendered) as unknown[]).slice(0, row.promptMessageCount));
    } catch {
      // keep the stored text
    }
  }
  return {
    sourceType: type,
    sourceId: row.sourceId,
    pairSourceId: row.pairSourceId ?? "",
    promptId: row.promptId,
    version: row.version,
    environmentId: row.environmentId,
    modelId: row.modelId,
    variables: JSON.parse(row.variables) as Record<string, string>,
    renderedPrompt: formatRenderedPrompt(rendered),
    output: row.output,
    ...(pairwise
      ? { pairVersion: row.pairVersion ?? null, pairModelId: row.pairModelId ?? null, pairOutput: row.pairOutput ?? "", pairSwapped: drawSwapped() }
      : {}),
  };
}

/**
 * Outputs matching a queue source that are not in the queue yet. Pairwise queues take pairs with the same input:
 * the first two targets of one evaluation (per case), or the first two columns of one playground run.
 */
export function findSourceItems(tx: DbOrTx, { workspaceId, queueId, source, pairwise }: { workspaceId: string; queueId: string; source: QueueSource; pairwise: boolean }): ItemDraft[] {
  const base = (clauses: string[]): Filter => ({ clauses, params: { workspaceId, queueId } });
  if (source.type === "eval-result") {
    if (pairwise) {
      if (!source.runId) throw new AppError("bad_request:review", "Pick the evaluation whose two versions the queue compares.");
      const filter = filterFor(source, { prompt: "ta.prompt_id", version: "ta.version", model: "ta.model_id", run: "a.run_id" }, base([
        "run.workspace_id = @workspaceId",
        "a.status != 'error'",
        "b.status != 'error'",
        notQueued("eval-result", "a.id", "b.id"),
      ]));
      return select<Row>(tx, {
        source,
        filter,
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
      }).map((r) => toDraft("eval-result", r, true));
    }
    const filter = filterFor(source, { prompt: "t.prompt_id", version: "t.version", environment: "t.environment_id", model: "t.model_id", score: "r.score", run: "r.run_id" }, base([
      "run.workspace_id = @workspaceId",
      "r.status != 'error'",
      notQueued("eval-result", "r.id"),
    ]));
    return select<Row>(tx, {
      source,
      filter,
      from: `FROM eval_results r
             JOIN eval_runs run ON run.id = r.run_id
             JOIN eval_run_targets t ON t.id = r.target_id
             JOIN eval_run_cases c ON c.id = r.run_case_id`,
      columns: `r.id AS sourceId, t.prompt_id AS promptId, t.version, t.environment_id AS environmentId, t.model_id AS modelId,
                c.variables, r.rendered_input AS renderedPrompt, r.output`,
      order: "r.created_at DESC, c.position",
    }).map((r) => toDraft("eval-result", r, false));
  }

  if (source.type === "playground-run") {
    if (pairwise) {
      const filter = filterFor(source, { prompt: "a.prompt_id", version: "a.version", model: "a.model_id" }, base([
        "a.workspace_id = @workspaceId",
        "a.column_index = 1",
        "a.status = 'succeeded'",
        "b.status = 'succeeded'",
        notQueued("playground-run", "a.id", "b.id"),
      ]));
      return select<Row>(tx, {
        source,
        filter,
        from: "FROM playground_runs a JOIN playground_runs b ON b.batch_id = a.batch_id AND b.column_index = 2",
        columns: `a.id AS sourceId, b.id AS pairSourceId, a.prompt_id AS promptId, a.version, NULL AS environmentId, a.model_id AS modelId,
                  a.variables, a.input AS renderedPrompt, a.prompt_message_count AS promptMessageCount, a.output, b.version AS pairVersion,
                  b.model_id AS pairModelId, b.output AS pairOutput`,
        order: "a.created_at DESC",
      }).map((r) => toDraft("playground-run", r, true));
    }
    const filter = filterFor(source, { prompt: "r.prompt_id", version: "r.version", model: "r.model_id" }, base([
      "r.workspace_id = @workspaceId",
      "r.status = 'succeeded'",
      notQueued("playground-run", "r.id"),
    ]));
    return select<Row>(tx, {
      source,
      filter,
      from: "FROM playground_runs r",
      columns: `r.id AS sourceId, r.prompt_id AS promptId, r.version, NULL AS environmentId, r.model_id AS modelId, r.variables,
                r.input AS renderedPrompt, r.prompt_message_count AS promptMessageCount, r.output`,
      order: "r.created_at DESC",
    }).map((r) => toDraft("playground-run", r, false));
  }

  if (pairwise) throw new AppError("bad_request:review", "Pairwise queues compare two outputs for the same input: take them from an evaluation or a playground run.");
  // A generation's score is its end-user feedback (the mean kept on the row, 0..1); a score filter keeps only
  // generations with feedback.
  const filter = filterFor(
    source,
    { prompt: "g.prompt_id", version: "g.version", environment: "g.environment_id", model: "g.model_id", score: "g.feedback_score" },
    base(["g.workspace_id = @workspaceId", notQueued("generation", "g.id")]),
  );
  return select<Row>(tx, {
    source,
    filter,
    from: "FROM generations g",
    columns: `g.id AS sourceId, g.prompt_id AS promptId, g.version, g.environment_id AS environmentId, g.model_id AS modelId, g.variables,
              '' AS renderedPrompt, g.output`,
    order: "g.created_at DESC",
  }).map((r) => toDraft("generation", r, false));
}
