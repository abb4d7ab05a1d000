import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableHead, Td } from "@/components/ui/table";
import { CHANGE_LABELS, type CaseChange, type CompareCell, type RunComparison, describePassRate, PASS_RATE_LABEL } from "@/lib/evals";
import { formatCostDelta } from "@/lib/playground";
import { formatRate, ResultStatusBadge } from "../status-badge";

const changeTones: Record<CaseChange, "danger" | "success" | "warning" | "info" | "neutral"> = {
  regression: "danger",
  improvement: "success",
  "score-down": "warning",
  "score-up": "info",
  same: "neutral",
  missing: "neutral",
  unscored: "neutral",
};
// Text symbols as well as colour, so a change reads the same without colour vision.
const changeMarks: Record<CaseChange, string> = { regression: "▼", improvement: "▲", "score-down": "↘", "score-up": "↗", same: "=", missing: "∅", unscored: "○" };

const pct = (d: number | null) => (d === null ? "—" : `${d > 0 ? "+" : ""}${Math.round(d * 1000) / 10} pts`);
const num = (d: number | null, digits = 2) => (d === null ? "—" : `${d > 0 ? "+" : ""}${d.toFixed(digits)}`);
const ms = (d: number | null) => (d === null ? "—" : `${d > 0 ? "+" : ""}${Math.round(d)} ms`);

function Delta({ label, value, good }: { label: string; value: string; good: boolean | null }) {
  const tone = good === null ? "text-zinc-700 dark:text-zinc-300" : good ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400";
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

function Verdict({ cell }: { cell: CompareCell | null }) {
  if (!cell || !cell.status) return <span className="text-zinc-500">no result</span>;
  return (
    <div className="flex flex-col gap-1">
      <span className="flex items-center gap-2">
        <ResultStatusBadge status={cell.status} />
        <span className="tabular-nums text-xs">{cell.score === null ? "" : cell.score.toFixed(2)}</span>
      </span>
      {cell.output !== null && (
        <details>
          <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">Output</summary>
          {/* Model output is untrusted: shown as text only. */}
          <pre className="mt-1 max-h-48 max-w-md overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">{cell.output}</pre>
        </details>
      )}
    </div>
  );
}

export function CompareView({ comparison, onlyChanges, baseHref }: { comparison: RunComparison; onlyChanges: boolean; baseHref: string }) {
  const { a, b, deltas, counts } = comparison;
  const rows = onlyChanges ? comparison.rows.filter((r) => r.change !== "same") : comparison.rows;
  const sign = (d: number | null, higherIsBetter: boolean) => (d === null || Math.abs(d) < 1e-9 ? null : d > 0 === higherIsBetter);
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-3 md:grid-cols-2">
        {[
          { side: a, name: "A · baseline" },
          { side: b, name: "B · candidate" },
        ].map(({ side, name }) => (
          <Card key={name} className="p-4">
            <p className="text-xs font-medium uppercase text-zinc-500">{name}</p>
            <p className="font-medium">{side.label}</p>
            <p className="text-sm">
              <Link href={`/evaluations/${side.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                {side.runName}
              </Link>{" "}
              · {PASS_RATE_LABEL.toLowerCase()} {formatRate(side.summary.passRate)} · {side.summary.done} results
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{describePassRate(side.summary)}</p>
          </Card>
        ))}
      </div>
      <section aria-label="Aggregate deltas (B − A)">
        <dl className="grid grid-cols-2 gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-5 dark:border-zinc-800">
          <Delta label={PASS_RATE_LABEL} value={pct(deltas.passRate)} good={sign(deltas.passRate, true)} />
          <Delta label="Mean score" value={num(deltas.meanScore)} good={sign(deltas.meanScore, true)} />
          <Delta label="Cost" value={formatCostDelta(deltas.costUsd)} good={sign(deltas.costUsd, false)} />
          <Delta label="p50 latency" value={ms(deltas.latencyP50Ms)} good={sign(deltas.latencyP50Ms, false)} />
          <Delta label="p95 latency" value={ms(deltas.latencyP95Ms)} good={sign(deltas.latencyP95Ms, false)} />
        </dl>
      </section>
      {comparison.scorers.length > 0 && (
        <Table aria-label="Scorers compared">
          <TableHead columns={["Scorer", "A pass rate", "B pass rate", "Δ", "A mean", "B mean"]} />
          <tbody>
            {comparison.scorers.map((s) => (
              <tr key={s.key}>
                <Td>{s.label}</Td>
                <Td className="tabular-nums">{formatRate(s.a?.passRate ?? null)}</Td>
                <Td className="tabular-nums">{formatRate(s.b?.passRate ?? null)}</Td>
                <Td className="tabular-nums">{pct(s.a && s.b ? (s.b.passRate ?? 0) - (s.a.passRate ?? 0) : null)}</Td>
                <Td className="tabular-nums">{s.a?.meanScore?.toFixed(2) ?? "—"}</Td>
                <Td className="tabular-nums">{s.b?.meanScore?.toFixed(2) ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          {counts.regression} regressions · {counts.improvement} improvements · {counts["score-down"] + counts["score-up"]} score changes · {counts.same} unchanged
          {counts.missing > 0 && ` · ${counts.missing} in one run only`}
          {counts.unscored > 0 && ` · ${counts.unscored} not scored on one side`}
        </span>
        <Link href={onlyChanges ? baseHref : `${baseHref}&only=changes`} className="text-indigo-700 hover:underline dark:text-indigo-300">
          {onlyChanges ? "Show all cases" : "Only changes"}
        </Link>
      </div>
      <Table aria-label="Cases compared">
        <TableHead columns={["#", "Input", "A", "B", "Change"]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.change === "regression" ? "bg-red-50/60 dark:bg-red-950/30" : row.change === "improvement" ? "bg-emerald-50/60 dark:bg-emerald-950/30" : undefined}>
              <Td className="tabular-nums text-zinc-500">{row.position}</Td>
              <Td className="max-w-xs text-xs">
                {Object.entries(row.variables)
                  .map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 77)}…` : v}`)
                  .join(" · ")}
              </Td>
              <Td>
                <Verdict cell={row.a} />
              </Td>
              <Td>
                <Verdict cell={row.b} />
              </Td>
              <Td>
                <Badge tone={changeTones[row.change]}>
                  <span aria-hidden className="mr-1">
                    {changeMarks[row.change]}
                  </span>
                  {CHANGE_LABELS[row.change]}
                </Badge>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
