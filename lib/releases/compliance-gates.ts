import "server-only";
import type { DbOrTx } from "@/db";
import type { Environment } from "@/db/schema";
import { hasErrors } from "@/lib/core/lint";
import { gateRunCosts, latestCompletedTarget } from "@/lib/evals/server";
import { checkEvalGate, describeGateBlock, gateBlocksApproval, type EvalGateResult } from "./eval-gate";
import { lintReportOf, lintVersion } from "./lint-context";
import { checkAttackSuccessGate } from "./red-team-gate";
import { formatUsd, type ComplianceGateResult, type GateCheck, type GateName } from "./gate-results";

// Every gate a protected environment requires before an approval (issue 19): the eval gate of eval-gate.ts and the
// compliance gates an admin chose (environments.compliance_gates). Evaluated inside the approval's transaction, so
// what is approved is what was checked; the approval card shows the same evaluation with its numbers.
//
// The budget gates read the eval gate's run of the candidate (its latest completed run on the gate dataset), or,
// when the environment has no eval gate, the candidate's latest completed run on any dataset.

type GatedEnvironment = Pick<Environment, "id" | "name" | "workspaceId" | "gateDatasetId" | "gateMinPassRate" | "complianceGates">;

export async function checkGates(environment: GatedEnvironment, candidate: { promptId: string; version: number }, db: DbOrTx): Promise<GateCheck> {
  const gates = environment.complianceGates ?? {};
  const evalGate = await checkEvalGate(environment, candidate, db);
  const compliance: ComplianceGateResult[] = [];
  if (gates.noLintErrors) {
    const findings = (await lintVersion(db, { workspaceId: environment.workspaceId, ...candidate, protectedTarget: true })) ?? [];
    const report = lintReportOf(findings);
    compliance.push({ gate: "no-lint-errors", status: hasErrors(findings) ? "failed" : "passed", errors: report.errors, warnings: report.warnings });
  }
  if (gates.maxAttackSuccessRate != null) compliance.push(await checkAttackSuccessGate(db, candidate, gates.maxAttackSuccessRate));
  if (gates.maxCostPerCallUsd != null || gates.maxP95LatencyMs != null) compliance.push(...(await checkBudgets(db, environment, candidate)));
  const failed: GateName[] = [...(gateBlocksApproval(evalGate) ? (["eval-pass-rate"] as const) : []), ...compliance.filter((g) => g.status !== "passed").map((g) => g.gate)];
  return { eval: evalGate, compliance, failed };
}

async function checkBudgets(db: DbOrTx, environment: GatedEnvironment, candidate: { promptId: string; version: number }): Promise<ComplianceGateResult[]> {
  const gates = environment.complianceGates ?? {};
  const run = await latestCompletedTarget({ ...candidate, datasetId: environment.gateDatasetId ?? undefined }, db);
  const costs = run ? await gateRunCosts(db, run) : null;
  const results: ComplianceGateResult[] = [];
  if (gates.maxCostPerCallUsd != null) {
    const mean = costs?.meanCostUsd ?? null;
    results.push({
      gate: "cost-per-call",
      status: !costs ? "no-run" : mean === null ? "no-data" : mean <= gates.maxCostPerCallUsd ? "passed" : "failed",
      maxUsd: gates.maxCostPerCallUsd,
      meanUsd: mean,
      priced: costs?.priced ?? 0,
      calls: costs?.calls ?? 0,
      runId: costs?.runId ?? null,
      monthlyVolume: gates.monthlyVolume ?? null,
      projectedMonthlyUsd: mean !== null && gates.monthlyVolume ? mean * gates.monthlyVolume : null,
    });
  }
  if (gates.maxP95LatencyMs != null) {
    const p95 = costs?.p95LatencyMs ?? null;
    results.push({
      gate: "p95-latency",
      status: !costs ? "no-run" : p95 === null ? "no-data" : p95 <= gates.maxP95LatencyMs ? "passed" : "failed",
      maxMs: gates.maxP95LatencyMs,
      p95Ms: p95,
      runId: costs?.runId ?? null,
    });
  }
  return results;
}

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** One sentence per failed gate, naming it: what the refusal says and what the card shows. */
export function describeFailedGates(check: GateCheck, version: number, environmentName: string): string[] {
  const lines: string[] = [];
  if (gateBlocksApproval(check.eval)) lines.push(describeGateBlock(check.eval as EvalGateResult, version, environmentName));
  for (const g of check.compliance) {
    if (g.status === "passed") continue;
    if (g.gate === "no-lint-errors") lines.push(`No linter errors: v${version} has ${g.errors} linter error${g.errors === 1 ? "" : "s"}. Fix them or silence a rule with a reason.`);
    if (g.gate === "attack-success-rate") {
      lines.push(
        g.status === "no-run"
          ? `Red-team attack success rate: v${version} has no completed red-team run. Run one first.`
          : g.rate === null
            ? `Red-team attack success rate: v${version}'s latest red-team run scored no attack.`
            : `Red-team attack success rate: ${pct(g.rate)} of attacks succeeded on v${version}; ${environmentName} allows at most ${pct(g.max)}.`,
      );
    }
    if (g.gate === "cost-per-call") {
      lines.push(
        g.status === "no-run"
          ? `Cost per call: v${version} has no completed evaluation to measure it on. Run one first.`
          : g.meanUsd === null
            ? `Cost per call: v${version}'s gate run recorded no cost.`
            : `Cost per call: ${formatUsd(g.meanUsd)} on average for v${version}; ${environmentName}'s budget is ${formatUsd(g.maxUsd)}.`,
      );
    }
    if (g.gate === "p95-latency") {
      lines.push(
        g.status === "no-run"
          ? `p95 latency: v${version} has no completed evaluation to measure it on. Run one first.`
          : g.p95Ms === null
            ? `p95 latency: v${version}'s gate run recorded no latency.`
            : `p95 latency: ${g.p95Ms} ms for v${version}; ${environmentName}'s budget is ${g.maxMs} ms.`,
      );
    }
  }
  return lines;
}
