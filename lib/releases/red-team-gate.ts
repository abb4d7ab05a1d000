import "server-only";
import type { DbOrTx } from "@/db";
import { latestRedTeamTarget, readAttackSuccess } from "@/lib/evals/server";
import type { ComplianceGateResult } from "./gate-results";

// The red-team gate (issue 19): the attack success rate of the candidate's latest red-team run must be at most the
// environment's maximum (a fraction). No run, or a run that scored no attack, does not meet it: nothing was checked.

export async function checkAttackSuccessGate(db: DbOrTx, candidate: { promptId: string; version: number }, max: number): Promise<ComplianceGateResult> {
  const run = await latestRedTeamTarget(db, candidate);
  if (!run) return { gate: "attack-success-rate", status: "no-run", max, rate: null, scored: 0, succeeded: 0, runId: null };
  const asr = await readAttackSuccess(db, { targetId: run.targetId });
  const status = asr.rate !== null && asr.rate <= max ? "passed" : "failed";
  return { gate: "attack-success-rate", status, max, rate: asr.rate, scored: asr.scored, succeeded: asr.succeeded, runId: run.runId };
}
