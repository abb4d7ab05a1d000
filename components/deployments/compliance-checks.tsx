import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatUsd, GATE_LABELS, type ComplianceGateResult, type GateCheck } from "@/lib/releases";
import type { PromotionLintReport } from "@/lib/core/vocabulary/compliance";

// What the approval card shows of issue 19's checks: each compliance gate with its numbers, and the linter's report
// from when the promotion was requested (silenced findings with their reason).

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);
const usd = (n: number | null) => (n === null ? "—" : formatUsd(n));
const statusTone = { passed: "success", failed: "danger", "no-run": "warning", "no-data": "warning" } as const;
const statusText = { passed: "passed", failed: "failed", "no-run": "no run", "no-data": "not measured" } as const;

function RunLink({ runId }: { runId: string | null }) {
  if (!runId) return null;
  return (
    <Link href={`/evaluations/${runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
      Open the run
    </Link>
  );
}

function GateNumbers({ gate }: { gate: ComplianceGateResult }) {
  if (gate.gate === "no-lint-errors") return <span>{gate.errors} errors, {gate.warnings} warnings now</span>;
  if (gate.gate === "attack-success-rate") {
    return (
      <span>
        {pct(gate.rate)} of {gate.scored} attacks succeeded (at most {pct(gate.max)}) <RunLink runId={gate.runId} />
      </span>
    );
  }
  if (gate.gate === "cost-per-call") {
    return (
      <span>
        {usd(gate.meanUsd)} per call over {gate.priced} priced calls (budget {usd(gate.maxUsd)})
        {gate.monthlyVolume !== null && `, projected ${usd(gate.projectedMonthlyUsd)} a month at ${gate.monthlyVolume.toLocaleString("en-US")} calls`}{" "}
        <RunLink runId={gate.runId} />
      </span>
    );
  }
  return (
    <span>
      p95 {gate.p95Ms === null ? "—" : `${gate.p95Ms} ms`} (budget {gate.maxMs} ms) <RunLink runId={gate.runId} />
    </span>
  );
}

export function ComplianceGates({ gates, blocks }: { gates: GateCheck | null; blocks: string[] }) {
  if (!gates || gates.compliance.length === 0) return null;
  return (
    <section aria-label="Compliance gates" className="flex flex-col gap-1 text-sm">
      <ul className="flex flex-col gap-1">
        {gates.compliance.map((g) => (
          <li key={g.gate} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{GATE_LABELS[g.gate]}:</span>
            <Badge tone={statusTone[g.status]}>{statusText[g.status]}</Badge>
            <GateNumbers gate={g} />
          </li>
        ))}
      </ul>
      {blocks.length > 0 && (
        <ul aria-label="Why approval is blocked" className="list-disc pl-5 text-amber-700 dark:text-amber-400">
          {blocks.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LintReport({ report }: { report: PromotionLintReport | null }) {
  if (!report) return null;
  const silenced = report.findings.filter((f) => f.silencedReason !== undefined);
  const active = report.findings.filter((f) => f.silencedReason === undefined);
  return (
    <section aria-label="Lint report" className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <p className="font-medium">
        Linter when requested: {report.errors} error{report.errors === 1 ? "" : "s"}, {report.warnings} warning{report.warnings === 1 ? "" : "s"}
        {silenced.length > 0 && `, ${silenced.length} silenced`}
      </p>
      {report.findings.length > 0 && (
        <ul className="mt-1 flex flex-col gap-0.5">
          {active.map((f, i) => (
            <li key={`a${i}`} className="flex flex-wrap gap-2">
              <Badge tone={f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "neutral"}>{f.severity}</Badge>
              <span className="text-xs text-zinc-500">line {f.line}</span>
              <span>{f.message}</span>
              <code className="text-xs text-zinc-500">{f.ruleId}</code>
            </li>
          ))}
          {silenced.map((f, i) => (
            <li key={`s${i}`} className="flex flex-wrap gap-2 text-zinc-600 dark:text-zinc-400">
              <Badge>silenced</Badge>
              <span className="text-xs">line {f.line}</span>
              <span>{f.message}</span>
              <span>Reason: {f.silencedReason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
