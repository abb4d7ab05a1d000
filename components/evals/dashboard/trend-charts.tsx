"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Frame, PALETTE, pct, tooltipStyle, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import { type DashboardPoint, type ScorerSeries, buildSeries, type ChartSeries } from "@/lib/evals";
import { formatCost } from "@/lib/playground";

// The eval trend charts: figures with an accessible name and a hidden data table with a link per run
// (components/charts/chart-frame.tsx); a click on a point opens its run. Every line is one prompt × dataset ×
// scorer (lib/evals/dashboard/series.ts), drawn as straight segments between runs: nothing is invented between them.

const colour = (i: number) => PALETTE[i % PALETTE.length]!;

function useOpenRun(rows: { runId: string }[]) {
  return useOpenHref(rows.map((row) => ({ href: `/evaluations/${row.runId}` })));
}

function RunTable({ caption, points, value }: { caption: string; points: DashboardPoint[]; value: (p: DashboardPoint) => string }) {
  return (
    <HiddenTable
      caption={caption}
      columns={["Run", "Value"]}
      rows={points.map((p) => ({
        key: p.targetId,
        label: `${p.promptName} v${p.version} on ${p.datasetName} (${p.runName || "evaluation"})`,
        href: `/evaluations/${p.runId}`,
        cells: [value(p)],
      }))}
    />
  );
}

function HiddenSeriesNote({ hidden }: { hidden: number }) {
  if (hidden === 0) return null;
  return (
    <p className="text-xs">
      {hidden} more {hidden === 1 ? "line is" : "lines are"} left out to keep the chart readable: choose a prompt or a dataset above to see them.
    </p>
  );
}

function SeriesLines({ series, bold }: { series: ChartSeries[]; bold?: boolean }) {
  return series.map((s, i) => (
    <Line
      key={s.key}
      type="linear"
      dataKey={s.key}
      name={s.name}
      stroke={colour(i)}
      strokeWidth={s.headline || bold ? 2.5 : 1.5}
      strokeDasharray={s.headline || bold ? undefined : "4 3"}
      dot={{ r: s.headline ? 4 : 3 }}
      activeDot={{ r: 6, cursor: "pointer" }}
      connectNulls
      isAnimationActive={false}
    />
  ));
}

export function PassRateChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const { rows, series, hidden } = buildSeries(points, [
    { key: "", label: scorers.length > 1 ? "all scorers" : "", value: (p) => pct(p.passRate), headline: true },
    ...(scorers.length > 1 ? scorers.map((s) => ({ key: s.key, label: s.label, value: (p: DashboardPoint) => pct(p.scorerPassRates[s.key]) })) : []),
  ]);
  const open = useOpenRun(rows);
  return (
    <Frame title="Pass rate over time" hint="one line per prompt × dataset × scorer, labelled by version; click a point to open its run">
      <div className="h-64 w-full">
        <ResponsiveContainer>
          <LineChart data={rows} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis domain={[0, 100]} unit="%" {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            {SeriesLines({ series })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <HiddenSeriesNote hidden={hidden} />
      <RunTable caption="Pass rate per run" points={points} value={(p) => (p.passRate === null ? "no results" : `${pct(p.passRate)}%`)} />
    </Frame>
  );
}

export function MeanScoreChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const { rows, series, hidden } = buildSeries(
    points,
    scorers.map((s) => ({ key: s.key, label: s.label, value: (p: DashboardPoint) => p.scorerMeans[s.key] })),
  );
  const open = useOpenRun(rows);
  return (
    <Frame title="Mean score over time" hint="0 to 1, one line per prompt × dataset × scorer">
      <div className="h-56 w-full">
        <ResponsiveContainer>
          <LineChart data={rows} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis domain={[0, 1]} {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            {SeriesLines({ series, bold: true })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <HiddenSeriesNote hidden={hidden} />
      <RunTable caption="Mean score per run" points={points} value={(p) => (p.meanScore === null ? "no score" : p.meanScore.toFixed(2))} />
    </Frame>
  );
}

export function CostLatencyChart({ points }: { points: DashboardPoint[] }) {
  const latency = buildSeries(points, [{ key: "", label: "mean latency (ms)", value: (p) => (p.meanLatencyMs === null ? null : Math.round(p.meanLatencyMs)) }]);
  // Each bar is one run on its own, so bars never mix prompts; only the latency lines are per prompt × dataset.
  const rows = latency.rows.map((row, i) => ({ ...row, cost: points[i]!.costUsd ?? 0 }));
  const open = useOpenRun(rows);
  return (
    <Frame title="Cost and latency per run" hint="bars: total cost of each run (USD); lines: mean latency (ms) per prompt × dataset">
      <div className="h-56 w-full">
        <ResponsiveContainer>
          <ComposedChart data={rows} onClick={open} accessibilityLayer margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeOpacity={0.15} />
            <XAxis dataKey="x" {...axis} />
            <YAxis yAxisId="cost" {...axis} />
            <YAxis yAxisId="latency" orientation="right" unit=" ms" {...axis} />
            <Tooltip {...tooltipStyle} />
            <Legend />
            <Bar yAxisId="cost" dataKey="cost" name="Cost (USD)" fill={PALETTE[2]} isAnimationActive={false} />
            {latency.series.map((s, i) => (
              <Line key={s.key} yAxisId="latency" type="linear" dataKey={s.key} name={s.name} stroke={colour(i + 4)} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <HiddenSeriesNote hidden={latency.hidden} />
      <RunTable
        caption="Cost and latency per run"
        points={points}
        value={(p) => `${formatCost(p.costUsd)}, ${p.meanLatencyMs === null ? "no latency" : `${Math.round(p.meanLatencyMs)} ms`}`}
      />
    </Frame>
  );
}
