import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rawRow, rawRows } from "@/db/raw";
import { readJson } from "@/db/sql-dialect";
import type { reviewItems } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { drawSwapped } from "./pairwise";
import type { QueueSource } from "./schemas";
import { SOURCE_QUERIES, type FilterColumns, type SourceQuery } from "./source-queries";

// Where review items come from: eval results, playground runs and production generations (their SQL is in
// source-queries.ts), filtered and sampled in SQL.

export type ItemDraft = Omit<typeof reviewItems.$inferInsert, "id" | "queueId" | "position" | "createdAt">;

/** The source's conditions plus the queue's filters, each compared on the column the source names for it. */
function filterFor(source: QueueSource, columns: FilterColumns, base: SQL[]): SQL[] {
  const clauses = [...base];
  const add = (column: string | undefined, op: "=" | ">=" | "<=", value: string | number | undefined, what: string) => {
    if (value === undefined) return;
    if (!column) throw new AppError("bad_request:review", `${what} does not apply to ${source.type.replace("-", " ")}s.`);
    clauses.push(sql`${sql.raw(column)} ${sql.raw(op)} ${value}`);
  };
  add(columns.prompt, "=", source.promptId, "A prompt filter");
  add(columns.version, "=", source.version, "A version filter");
  add(columns.environment, "=", source.environmentId, "An environment filter");
  add(columns.model, "=", source.modelId, "A model filter");
  add(columns.run, "=", source.runId, "An evaluation filter");
  add(columns.score, ">=", source.minScore, "A minimum score");
  add(columns.score, "<=", source.maxScore, "A maximum score");
  return clauses;
}

/** How many of `matched` rows to take: the sample share, at most the limit, at least one when sampling anything. */
export function sampleSize(matched: number, samplePercent: number, limit: number): number {
  if (matched === 0) return 0;
  return Math.min(limit, Math.max(1, Math.round((matched * samplePercent) / 100)));
}

/** Counts the matches, then takes a random sample (or the newest rows when taking everything). */
async function select<T>(tx: DbOrTx, { query, clauses, source }: { query: SourceQuery; clauses: SQL[]; source: QueueSource }): Promise<T[]> {
  const where = clauses.length > 0 ? sql`WHERE ${sql.join(clauses, sql` AND `)}` : sql.empty();
  const matched = (await rawRow<{ n: number }>(tx, sql`SELECT count(*) AS n ${query.from} ${where}`))!.n;
  const take = sampleSize(matched, source.samplePercent, source.limit);
  if (take === 0) return [];
  const ordering = source.samplePercent < 100 ? sql`random()` : query.order;
  return rawRows<T>(tx, sql`SELECT ${query.columns} ${query.from} ${where} ORDER BY ${ordering} LIMIT ${take}`);
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
  /** JSON: text on SQLite, parsed on Postgres (readJson). */
  variables: unknown;
  /** Text; a playground run's messages are its JSON `input` column, parsed on Postgres. */
  renderedPrompt: unknown;
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
      rendered = JSON.stringify(readJson<unknown[]>(rendered).slice(0, row.promptMessageCount));
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
    variables: readJson<Record<string, string>>(row.variables),
    renderedPrompt: formatRenderedPrompt(typeof rendered === "string" ? rendered : JSON.stringify(rendered)),
    output: row.output,
    ...(pairwise
      ? { pairVersion: row.pairVersion ?? null, pairModelId: row.pairModelId ?? null, pairOutput: row.pairOutput ?? "", pairSwapped: drawSwapped() }
      : {}),
  };
}

/** Outputs matching a queue source that are not in the queue yet (SOURCE_QUERIES says where each kind is). */
export async function findSourceItems(
  tx: DbOrTx,
  { workspaceId, queueId, source, pairwise }: { workspaceId: string; queueId: string; source: QueueSource; pairwise: boolean },
): Promise<ItemDraft[]> {
  const queries = SOURCE_QUERIES[source.type];
  const query = pairwise ? queries.pairwise : queries.single;
  if (!query) throw new AppError("bad_request:review", "Pairwise queues compare two outputs for the same input: take them from an evaluation or a playground run.");
  if (pairwise && source.type === "eval-result" && !source.runId) {
    throw new AppError("bad_request:review", "Pick the evaluation whose two versions the queue compares.");
  }
  const clauses = filterFor(source, query.filters, query.where({ workspaceId, queueId }));
  const rows = await select<Row>(tx, { query, clauses, source });
  return rows.map((r) => toDraft(source.type, r, pairwise));
}
