import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { type EvalRunView, describePassRate, PASS_RATE_LABEL } from "@/lib/evals";
import { formatCost, formatMs } from "@/lib/playground";
import { formatRate } from "./status-badge";

function Stat({ label, value, description, className }: { label: string; value: string; description?: string; className?: string }) {
  return (
    <Card className={`flex flex-col gap-1 p-4 ${className ?? ""}`}>
      <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</span>
      <span className="text-lg font-semibold tabular-nums">{value}</span>
      {description && <span className="text-xs text-zinc-600 dark:text-zinc-400">{description}</span>}
    </Card>
  );
}

const formatScore = (score: number | null) => (score === null ? "—" : score.toFixed(2));

/** Marks a scorer whose verdict is inverted (promptfoo's not-…), so "passed" is read the right way round. */
export function NegatedMark() {
  return (
    <span className="ml-1 rounded bg-zinc-100 px-1 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" title="Negated: passes when the check fails">
      <span aria-hidden="true">NOT</span>
      <span className="sr-only">(negated: passes when the check fails)</span>
    </span>
  );
}

/**
 * Pass rate, cost and latency, then each scorer's pass rate and mean score, and each target's pass rate. The headline
 * says how scorers combine (every one must pass) and what it leaves out (unscored cases), whatever the model.
 */
export function RunSummary({ run }: { run: EvalRunView }) {
  const { summary } = run;
  const labels = new Map(run.scorers.map((s) => [s.key, s]));
  return (
    <Section id="summary-heading" title="Summary">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label={PASS_RATE_LABEL} value={formatRate(summary.passRate)} description={describePassRate({ ...summary, done: summary.passed + summary.failed + summary.errors + summary.unscored })} className="col-span-2 md:col-span-1" />
        <Stat
          label={summary.unscored > 0 ? "Passed / failed / errors / unscored" : "Passed / failed / errors"}
          value={[summary.passed, summary.failed, summary.errors, ...(summary.unscored > 0 ? [summary.unscored] : [])].join(" / ")}
        />
        <Stat label="Cost" value={formatCost(summary.costUsd)} />
        <Stat label="Latency p50" value={formatMs(summary.latencyP50Ms)} />
        <Stat label="Latency p95" value={formatMs(summary.latencyP95Ms)} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <Table aria-label="Scorers">
          <TableHead columns={["Scorer", "Pass rate", "Mean score"]} />
          <tbody>
            {summary.scorers.length === 0 ? (
              <tr>
                <Td colSpan={3} className="text-zinc-500">
                  No scores yet.
                </Td>
              </tr>
            ) : (
              summary.scorers.map((s) => (
                <tr key={s.key}>
                  <Td>
                    {s.label}
                    {labels.get(s.key)?.negate && <NegatedMark />}
                    {!labels.has(s.key) && <span className="ml-1 text-xs text-zinc-500">(a case&apos;s own assertion)</span>}
                  </Td>
                  <Td className="tabular-nums">{formatRate(s.passRate)}</Td>
                  <Td className="tabular-nums">{formatScore(s.meanScore)}</Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
        <Table aria-label="Targets">
          <TableHead columns={["Version", "Model", "Pass rate"]} />
          <tbody>
            {run.targets.map((t) => {
              const stats = summary.targets.find((s) => s.targetId === t.id);
              return (
                <tr key={t.id}>
                  <Td>
                    {t.draft ? `Candidate (draft of v${t.version})` : `v${t.version}`}
                    {t.environment && <span className="ml-1 text-xs text-zinc-500">({t.environment})</span>}
                  </Td>
                  <Td className="text-xs">{t.model}</Td>
                  <Td className="tabular-nums">{formatRate(stats?.passRate ?? null)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </Section>
  );
}
