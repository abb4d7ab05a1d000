"use client";

import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardPoint, ScorerSeries } from "@/lib/evals/dashboard/load-dashboard";

// Recharts draws SVG; the figures carry an accessible name and a hidden data table with a link per run, so the
// charts read the same to a screen reader. Colours work on light and dark backgrounds; axes use currentColor.

const PALETTE = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#06b6d4", "#a855f7", "#84cc16", "#f97316"];
const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
const day = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace("T", " ");

interface Row {
  x: string;
  runId: string;
  label: string;
  [series: string]: string | number | null;
}

function rows(points: DashboardPoint[], scorers: ScorerSeries[], pick: "rate" | "mean"): Row[] {
  return points.map((p) => {
    const row: Row = { x: `${day(p.at)} · v${p.version}`, runId: p.runId, label: `v${p.version}` };
    row.overall = pick === "rate" ? pct(p.passRate) : p.meanScore;
    for (const s of scorers) row[s.key] = pick === "rate" ? pct(p.scorerPassRates[s.key]) : p.scorerMeans[s.key] ?? null;
    return row;
  });
}

function DataTable({ caption, points, value }: { caption: string; points: DashboardPoint[]; value: (p: DashboardPoint) => string }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <tbody>
        {points.map((p) => (
          <tr key={p.targetId}>
            <td>
              <a href={`/evaluations/${p.runId}`}>
                {p.promptName} v{p.version} on {p.datasetName} ({p.runName || "evaluation"})
              </a>
            </td>
            <td>{value(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function useOpenRun(data: Row[]) {
  const router = useRouter();
  return (state: { activeTooltipIndex?: unknown } | null) => {
    const index = Number(state?.activeTooltipIndex);
    const row = Number.isInteger(index) ? data[index] : undefined;
    if (row) router.push(`/evaluations/${row.runId}`);
  };
}

const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 11 } };
const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", borderRadius: 6, fontSize: 12 } };

function Frame({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <figure aria-label={title} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      <figcaption className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {title} <span className="font-normal text-zinc-500">· {hint}</span>
      </figcaption>
      {children}
    </figure>
  );
}

export function PassRateChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const data = rows(points, scorers, "rate");
  const open = useOpenRun(data);
  return (
    <Frame title="Pass rate over time" hint="per scorer, labelled by version; click a point to open its run">
      <div className="h-64 w-full">
        <ResponsiveContainer>
          <LineChart data={data} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis domain={[0, 100]} unit="%" {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            <Line type="monotone" dataKey="overall" name="All scorers" stroke={PALETTE[0]} strokeWidth={2.5} dot={{ r: 4 }} activeDot={{ r: 6, cursor: "pointer" }}>
              <LabelList dataKey="label" position="top" fill="currentColor" fontSize={11} />
            </Line>
            {scorers.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={PALETTE[(i + 1) % PALETTE.length]} strokeDasharray="4 3" dot={{ r: 3 }} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Pass rate per run" points={points} value={(p) => (p.passRate === null ? "no results" : `${pct(p.passRate)}%`)} />
    </Frame>
  );
}

export function MeanScoreChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const data = rows(points, scorers, "mean");
  const open = useOpenRun(data);
  return (
    <Frame title="Mean score over time" hint="0 to 1, per scorer">
      <div className="h-56 w-full">
        <ResponsiveContainer>
          <LineChart data={data} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis domain={[0, 1]} {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            {scorers.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={PALETTE[(i + 1) % PALETTE.length]} dot={{ r: 3 }} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Mean score per run" points={points} value={(p) => (p.meanScore === null ? "no score" : p.meanScore.toFixed(2))} />
    </Frame>
  );
}

export function CostLatencyChart({ points }: { points: DashboardPoint[] }) {
  const data = points.map((p) => ({ x: `${day(p.at)} · v${p.version}`, runId: p.runId, label: `v${p.version}`, cost: p.costUsd ?? 0, latency: p.meanLatencyMs === null ? null : Math.round(p.meanLatencyMs) }));
  const open = useOpenRun(data);
  return (
    <Frame title="Cost and latency per run" hint="bars: total cost (USD); line: mean latency (ms)">
      <div className="h-56 w-full">
        <ResponsiveContainer>
          <ComposedChart data={data} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis yAxisId="cost" {...axis} />
            <YAxis yAxisId="latency" orientation="right" unit=" ms" {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            <Bar yAxisId="cost" dataKey="cost" name="Cost (USD)" fill={PALETTE[2]} />
            <Line yAxisId="latency" type="monotone" dataKey="latency" name="Mean latency (ms)" stroke={PALETTE[4]} dot={{ r: 3 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Cost and latency per run"
        points={points}
        value={(p) => `${p.costUsd === null ? "cost unknown" : `$${p.costUsd.toFixed(5)}`}, ${p.meanLatencyMs === null ? "no latency" : `${Math.round(p.meanLatencyMs)} ms`}`}
      />
    </Frame>
  );
}
