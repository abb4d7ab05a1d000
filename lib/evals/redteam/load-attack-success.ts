import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { readJson } from "@/db/sql-dialect";
import type { RedTeamOrigin } from "@/lib/core/vocabulary/compliance";
import type { Principal } from "@/lib/platform/auth/principal";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { findDatasetById } from "@/lib/datasets/server";
import type { AttackSuccess } from "./attack-rate";
import { readAttackSuccess } from "./attack-success";

// What the run page and the dashboard show of red-teaming: a red-team run's attack success per target (version), and
// the newest completed red-team run of each prompt in the workspace.

export interface RunAttackSuccess {
  corpusVersion: string;
  targets: { targetId: string; version: number; success: AttackSuccess }[];
}

/** Null when the run's dataset is not a red-team dataset. */
export async function loadRunAttackSuccess(
  principal: Principal,
  run: { datasetId: string; targets: { id: string; version: number; draft: boolean }[] },
): Promise<RunAttackSuccess | null> {
  const db = getDb();
  const dataset = await findDatasetById(db, { datasetId: run.datasetId });
  requireSameWorkspace(principal, dataset, "That dataset");
  if (!dataset.redTeam) return null;
  const targets = [];
  for (const t of run.targets.filter((t) => !t.draft)) targets.push({ targetId: t.id, version: t.version, success: await readAttackSuccess(db, { targetId: t.id }) });
  return { corpusVersion: dataset.redTeam.corpusVersion, targets };
}

export interface LatestRedTeamRun {
  promptId: string;
  promptName: string;
  version: number;
  runId: string;
  datasetName: string;
  corpusVersion: string;
  finishedAt: number | null;
  success: AttackSuccess;
}

/** Per prompt, its newest completed red-team run's first target (the dashboard card), newest first; at most `limit`. */
export async function listLatestRedTeamRuns(principal: Principal, { limit = 10 }: { limit?: number } = {}): Promise<LatestRedTeamRun[]> {
  const db = getDb();
  const rows = await rawRows<{ promptId: string; promptName: string; version: number; runId: string; targetId: string; datasetName: string; redTeam: unknown; finishedAt: number | string | null }>(
    db,
    sql`SELECT * FROM (
          SELECT t.prompt_id AS "promptId", p.name AS "promptName", t.version AS version, r.id AS "runId", t.id AS "targetId",
                 d.name AS "datasetName", d.red_team AS "redTeam", r.finished_at AS "finishedAt",
                 row_number() OVER (PARTITION BY t.prompt_id ORDER BY r.finished_at DESC NULLS LAST, t.position) AS n
          FROM eval_runs r JOIN datasets d ON d.id = r.dataset_id JOIN eval_run_targets t ON t.run_id = r.id JOIN prompts p ON p.id = t.prompt_id
          WHERE r.workspace_id = ${principal.workspaceId} AND r.status = 'completed' AND d.red_team IS NOT NULL AND t.content IS NULL
        ) latest WHERE n = 1 ORDER BY "finishedAt" DESC NULLS LAST LIMIT ${limit}`,
  );
  const runs: LatestRedTeamRun[] = [];
  for (const row of rows) {
    runs.push({
      promptId: row.promptId,
      promptName: row.promptName,
      version: Number(row.version),
      runId: row.runId,
      datasetName: row.datasetName,
      corpusVersion: readJson<RedTeamOrigin>(row.redTeam).corpusVersion,
      finishedAt: row.finishedAt === null ? null : Number(row.finishedAt),
      success: await readAttackSuccess(db, { targetId: row.targetId }),
    });
  }
  return runs;
}
