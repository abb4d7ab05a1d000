import "server-only";
import { getSqlite, type DbOrTx } from "@/db";
import type { reviewItems } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { drawSwapped } from "./pairwise";
import type { QueueSource } from "./schemas";
import { SOURCE_QUERIES, type FilterColumns } from "./source-queries";

// Where review items come from: eval results, playground runs and production generations (their SQL is in
// source-queries.ts), filtered and sampled in SQL.

// Raw SQL goes to the one connection; inside a drizzle transaction that is the same connection.
const sqlite = (_tx: DbOrTx) => getSqlite();

export type ItemDraft = Omit<typeof reviewItems.$inferInsert, "id" | "queueId" | "position" | "createdAt">;

interface Filter {
  clauses: string[];
  params: Record<string, string | number>;
}

function filterFor(source: QueueSource, columns: FilterColumns, base: Filter): Filter {
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

/** Outputs matching a queue source that are not in the queue yet (SOURCE_QUERIES says where each kind is). */
export function findSourceItems(tx: DbOrTx, { workspaceId, queueId, source, pairwise }: { workspaceId: string; queueId: string; source: QueueSource; pairwise: boolean }): ItemDraft[] {
  const queries = SOURCE_QUERIES[source.type];
  const query = pairwise ? queries.pairwise : queries.single;
  if (!query) throw new AppError("bad_request:review", "Pairwise queues compare two outputs for the same input: take them from an evaluation or a playground run.");
  if (pairwise && source.type === "eval-result" && !source.runId) {
    throw new AppError("bad_request:review", "Pick the evaluation whose two versions the queue compares.");
  }
  const filter = filterFor(source, query.filters, { clauses: [...query.where], params: { workspaceId, queueId } });
  return select<Row>(tx, { source, filter, from: query.from, columns: query.columns, order: query.order }).map((r) => toDraft(source.type, r, pairwise));
}
