"use client";

import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Frame, PALETTE, pct, tooltipStyle, useOpenHref } from "@/components/charts/chart-frame";
import type { DashboardPoint, ScorerSeries } from "@/lib/evals/dashboard/load-dashboard";

// The eval trend charts: figures with an accessible name and a hidden data table with a link per run
// (components/charts/chart-frame.tsx); a click on a point opens its run.

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

function useOpenRun(data: { runId: string }[]) {
  return useOpenHref(data.map((row) => ({ href: `/evaluations/${row.runId}` })));
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
