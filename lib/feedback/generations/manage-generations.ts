import "server-only";
import { v7 as uuidv7 } from "uuid";
import type Database from "better-sqlite3";
import { databaseEngine, getDb, sqliteOf, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { rawRunNamed, type NamedStatement } from "@/db/raw";
import { groupCommit } from "@/db/group-commit";
import { transaction } from "@/db/transaction";
import { generationFeedback, generations, type Generation } from "@/db/schema";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { checkInput, compileGuard, guardRefusal, maskOutput } from "@/lib/core/guard";
import type { GuardPolicy, GuardRule } from "@/lib/core/vocabulary/guard-policy";
import { countGuardDecisions } from "@/lib/serving/server";
import { parseInput } from "@/lib/platform/http/route";
import { estimateCostUsd } from "@/lib/platform/models/catalog";
import { findGenerationById } from "./queries";
import { resolveServedTarget } from "./served-target";
import { feedbackBodySchema, normaliseScore, reportGenerationBodySchema, type FeedbackCreated, type GenerationCreated } from "./schemas";

// Production telemetry from applications: a generation made with a deployed prompt, and end-user feedback on it.
// High-volume rows, so they are not written to the audit log; each row names the API key that sent it.

/**
 * POST /api/v1/generations. `epoch`: the delivery epoch the caller read as it admitted the request (the delivery
 * API does, for its key cache), so it is not read a second time; read here when not given.
 */
export async function reportGeneration(principal: Principal, body: unknown, { epoch }: { epoch?: number } = {}): Promise<GenerationCreated> {
  requirePermission(principal, "generations:write");
  const input = parseInput(reportGenerationBodySchema, body);
  const { promptId, version, environmentId, guard } = await resolveServedTarget(principal.workspaceId, input, epoch);
  const { variables, output } = await applyGuard(guard, { workspaceId: principal.workspaceId, promptId, version }, input);
  const { inputTokens, outputTokens } = input.usage;
  const costUsd = input.usage.costUsd ?? (input.model && inputTokens !== undefined && outputTokens !== undefined ? estimateCostUsd({ modelId: input.model, inputTokens, outputTokens }) : null);
  const row = await insertGenerationGrouped({
    workspaceId: principal.workspaceId,
    promptId,
    version,
    environmentId,
    variables,
    output,
    modelId: input.model,
    inputTokens: inputTokens ?? null,
    outputTokens: outputTokens ?? null,
    costUsd,
    latencyMs: input.latencyMs ?? null,
    metadata: input.metadata,
    apiKeyId: principal.apiKey?.id ?? null,
  });
  return { id: row.id, version: row.version };
}

/**
 * The version's guard policy on a report (lib/core/guard): inputs it refuses are a 422 naming the rule and nothing
 * is stored; otherwise the output (and, with PII handling "mask", the inputs) is stored masked. Each refusal and
 * each rule that masked something is counted before the answer.
 */
async function applyGuard(
  policy: GuardPolicy | undefined,
  target: { workspaceId: string; promptId: string; version: number },
  input: { variables: Record<string, string>; output: string },
): Promise<{ variables: Record<string, string>; output: string }> {
  const guard = compileGuard(policy);
  if (!guard) return input;
  const count = (rules: GuardRule[], action: "blocked" | "masked") => countGuardDecisions(rules.map((rule) => ({ ...target, rule, action, surface: "generation" as const })));
  const verdict = checkInput(guard, input.variables);
  if (verdict.refused) {
    await count([verdict.refused.rule], "blocked");
    throw guardRefusal(verdict.refused);
  }
  const output = maskOutput(guard, input.output);
  const masked = [...new Set([...verdict.masked, ...output.masked])];
  if (masked.length) await count(masked, "masked");
  return { variables: verdict.variables as Record<string, string>, output: output.text };
}

/** POST /api/v1/feedback */
export async function sendFeedback(principal: Principal, body: unknown): Promise<FeedbackCreated> {
  requirePermission(principal, "generations:write");
  const input = parseInput(feedbackBodySchema, body);
  const generation = await findGenerationById(getDb(), { generationId: input.generationId });
  requireSameWorkspace(principal, generation, "That generation");
  const score = normaliseScore(input.score, input.scale);
  if (score === null) throw new AppError("bad_request:feedback", `A score of ${input.score} is outside the ${input.scale} scale.`);
  const row = await transaction((tx) =>
    insertFeedback(tx, {
      workspaceId: principal.workspaceId,
      generationId: generation.id,
      score,
      comment: input.comment,
      metadata: input.metadata,
      apiKeyId: principal.apiKey?.id ?? null,
    }),
  );
  return { id: row.id, score: row.score };
}

/**
 * Applications report a generation on every model call: the reports that arrive together are inserted in one
 * transaction, with one statement (db/group-commit.ts; on Postgres that statement is the transaction), each
 * answered once it has committed.
 */
export const insertGenerationGrouped = groupCommit(insertGenerations, { oneStatementOnPostgres: true });

type GenerationRow = typeof generations.$inferInsert;

/**
 * The rows' ids are given here, not by the column's default, so each request learns its own: RETURNING's order is
 * not defined. Time-ordered (UUIDv7): new rows land at the end of the primary key's index instead of on a random
 * page each, so a batch's commit writes a few pages rather than one per row (a third of the commit's cost at 50).
 */
async function insertGenerations(tx: DbOrTx, rows: readonly GenerationRow[]): Promise<Pick<Generation, "id" | "version">[]> {
  const identified = rows.map((row) => ({ ...row, id: row.id ?? uuidv7() }));
  if (databaseEngine() === "postgres") await insertOnPostgres(tx, identified);
  else insertOnSqlite(tx, identified);
  return identified.map(({ id, version }) => ({ id, version }));
}

// SQLite fast path: the builder spent more time making and compiling a batch's INSERT (a different statement for
// each batch size) than SQLite spent storing it; one statement prepared once per connection, run per row inside
// the batch's transaction (whose connection is this same one), costs a few microseconds a row. Postgres takes the
// batch in one statement instead (a round trip per row would cost far more): see insertOnPostgres.
const prepared = new WeakMap<Database.Database, Database.Statement>();

/** A row as both engines store it: the columns' defaults filled in, JSON as text, the time as epoch milliseconds. */
function storedValues(row: GenerationRow & { id: string }, now: number) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    promptId: row.promptId,
    version: row.version,
    environmentId: row.environmentId ?? null,
    variables: JSON.stringify(row.variables),
    output: row.output,
    modelId: row.modelId ?? "",
    inputTokens: row.inputTokens ?? null,
    outputTokens: row.outputTokens ?? null,
    costUsd: row.costUsd ?? null,
    latencyMs: row.latencyMs ?? null,
    metadata: JSON.stringify(row.metadata ?? {}),
    apiKeyId: row.apiKeyId ?? null,
    createdAt: row.createdAt?.getTime() ?? now,
  };
}

/** storedValues' keys in the column order both statements below list. */
const STORED_COLUMNS = Object.keys(storedValues({ id: "", workspaceId: "", promptId: "", version: 0, variables: {}, output: "" }, 0)) as (keyof ReturnType<typeof storedValues>)[];

function insertOnSqlite(tx: DbOrTx, rows: readonly (GenerationRow & { id: string })[]): void {
  const client = sqliteOf(tx);
  let insert = prepared.get(client);
  if (!insert) {
    insert = client.prepare(
      `INSERT INTO generations (id, workspace_id, prompt_id, version, environment_id, variables, output, model_id, input_tokens,
         output_tokens, cost_usd, latency_ms, metadata, api_key_id, created_at)
       VALUES (${STORED_COLUMNS.map((key) => `@${key}`).join(", ")})`,
    );
    prepared.set(client, insert);
  }
  const now = Date.now();
  for (const row of rows) insert.run(storedValues(row, now));
}

/**
 * Postgres: the whole batch as one statement of the same text whatever its size, each column one array parameter
 * that unnest() turns back into rows, prepared once per connection (db/raw.ts rawRunNamed). The builder's multi-row
 * INSERT had a placeholder per value (15 a row), so each batch size was a new statement for the builder to make and
 * Postgres to parse: that was half the studio's CPU per reported generation, and the studio's one core was what
 * capped the reports per second.
 */
const INSERT_ON_POSTGRES: NamedStatement = {
  name: "studio_insert_generations",
  text: `INSERT INTO generations (id, workspace_id, prompt_id, version, environment_id, variables, output, model_id, input_tokens,
           output_tokens, cost_usd, latency_ms, metadata, api_key_id, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::jsonb[], $7::text[], $8::text[],
           $9::integer[], $10::integer[], $11::double precision[], $12::integer[], $13::jsonb[], $14::text[], $15::bigint[])`,
};

async function insertOnPostgres(tx: DbOrTx, rows: readonly (GenerationRow & { id: string })[]): Promise<void> {
  const now = Date.now();
  const stored = rows.map((row) => storedValues(row, now));
  await rawRunNamed(
    tx,
    INSERT_ON_POSTGRES,
    STORED_COLUMNS.map((key) => stored.map((values) => values[key])),
  );
}

function insertFeedback(tx: DbOrTx, values: typeof generationFeedback.$inferInsert) {
  return only(tx.insert(generationFeedback).values(values).returning());
}
