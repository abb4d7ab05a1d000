import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rawRow, rawRows } from "@/db/raw";
import { readJson } from "@/db/sql-dialect";
import type { EvalResultStatus } from "@/db/schema";
import { summariseAttacks, type AttackSuccess } from "./attack-rate";

// Reads behind the attack success rate: one target's results with their cases' tags, and the newest completed red-team
// run of a prompt version (what the promotion gate and the dashboard read). A red-team run is a run whose dataset has
// `red_team` set; optimizer candidates (targets with their own content) are not versions and are left out.

export interface RedTeamTarget {
  runId: string;
  targetId: string;
  datasetId: string;
  finishedAt: number | null;
}

export async function readAttackSuccess(db: DbOrTx, { targetId }: { targetId: string }): Promise<AttackSuccess> {
  const rows = await rawRows<{ status: EvalResultStatus; tags: unknown }>(
    db,
    sql`SELECT res.status AS status, c.tags AS tags FROM eval_results res JOIN eval_run_cases c ON c.id = res.run_case_id
        WHERE res.target_id = ${targetId}`,
  );
  return summariseAttacks(rows.map((r) => ({ status: r.status, tags: readJson<string[]>(r.tags) ?? [] })));
}

export async function latestRedTeamTarget(db: DbOrTx, { promptId, version }: { promptId: string; version: number }): Promise<RedTeamTarget | null> {
  const row = await rawRow<RedTeamTarget>(
    db,
    sql`SELECT r.id AS "runId", t.id AS "targetId", r.dataset_id AS "datasetId", r.finished_at AS "finishedAt"
        FROM eval_run_targets t JOIN eval_runs r ON r.id = t.run_id JOIN datasets d ON d.id = r.dataset_id
        WHERE t.prompt_id = ${promptId} AND t.version = ${version} AND r.status = 'completed' AND t.content IS NULL
          AND d.red_team IS NOT NULL
        ORDER BY r.finished_at DESC NULLS LAST, r.created_at DESC LIMIT 1`,
  );
  // Postgres answers a bigint as text.
  return row ? { ...row, finishedAt: row.finishedAt === null ? null : Number(row.finishedAt) } : null;
}
