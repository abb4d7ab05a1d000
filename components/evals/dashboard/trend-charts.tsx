"use client";

import { Bar, ComposedChart, Line, LineChart, type YAxisProps } from "recharts";
import { ChartAxes, ChartBody, chartMargin, Frame, PALETTE, pct, seriesColour, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import { type DashboardPoint, type ScorerSeries, buildSeries, type ChartSeries } from "@/lib/evals";
import { formatCost } from "@/lib/playground";

// The eval trend charts: figures with an accessible name and a hidden data table with a link per run
// (components/charts/chart-frame.tsx); a click on a point opens its run. Every line is one prompt × dataset ×
// scorer (lib/evals/dashboard/series.ts), drawn as straight segments between runs: nothing is invented between them.

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

/** What follows a trend chart: how many lines it leaves out, if any, then its hidden data table. */
function TrendTable({ hidden, children }: { hidden: number; children: React.ReactNode }) {
  return (
    <>
      {hidden > 0 && (
        <p className="text-xs">
          {hidden} more {hidden === 1 ? "line is" : "lines are"} left out to keep the chart readable: choose a prompt or a dataset above to see them.
        </p>
      )}
      {children}
    </>
  );
}

function SeriesLines({ series, bold }: { series: ChartSeries[]; bold?: boolean }) {
  return series.map((s, i) => (
    <Line
      key={s.key}
      type="linear"
      dataKey={s.key}
      name={s.name}
      stroke={seriesColour(i)}
      strokeWidth={s.headline || bold ? 2.5 : 1.5}
      strokeDasharray={s.headline || bold ? undefined : "4 3"}
      dot={{ r: s.headline ? 4 : 3 }}
      activeDot={{ r: 6, cursor: "pointer" }}
      connectNulls
      isAnimationActive={false}
    />
  ));
}

type BuiltSeries = ReturnType<typeof buildSeries>;

/** One line per prompt × dataset × scorer over the runs; `table` is the chart's hidden data table. */
function RunLinesChart({
  title,
  hint,
  className,
  built,
  valueAxis,
  bold,
  table,
}: {
  title: string;
  hint: string;
  className?: string;
  built: BuiltSeries;
  valueAxis: YAxisProps;
  bold?: boolean;
  table: React.ReactNode;
}) {
  const open = useOpenRun(built.rows);
  return (
    <Frame title={title} hint={hint}>
      <ChartBody empty={null} className={className} table={<TrendTable hidden={built.hidden}>{table}</TrendTable>}>
        <LineChart data={built.rows} onClick={open} accessibilityLayer margin={chartMargin}>
          <ChartAxes x={{ dataKey: "x" }} y={[valueAxis]} />
          {SeriesLines({ series: built.series, bold })}
        </LineChart>
      </ChartBody>
    </Frame>
  );
}

export function PassRateChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const built = buildSeries(points, [
    { key: "", label: scorers.length > 1 ? "all scorers" : "", value: (p) => pct(p.passRate), headline: true },
    ...(scorers.length > 1 ? scorers.map((s) => ({ key: s.key, label: s.label, value: (p: DashboardPoint) => pct(p.scorerPassRates[s.key]) })) : []),
  ]);
  return (
    <RunLinesChart
      title="Pass rate over time"
      hint="one line per prompt × dataset × scorer, labelled by version; click a point to open its run"
      className="h-64 w-full"
      built={built}
      valueAxis={{ domain: [0, 100], unit: "%" }}
      table={<RunTable caption="Pass rate per run" points={points} value={(p) => (p.passRate === null ? "no results" : `${pct(p.passRate)}%`)} />}
    />
  );
}

export function MeanScoreChart({ points, scorers }: { points: DashboardPoint[]; scorers: ScorerSeries[] }) {
  const built = buildSeries(
    points,
    scorers.map((s) => ({ key: s.key, label: s.label, value: (p: DashboardPoint) => p.scorerMeans[s.key] })),
  );
  return (
    <RunLinesChart
      title="Mean score over time"
      hint="0 to 1, one line per prompt × dataset × scorer"
      built={built}
      valueAxis={{ domain: [0, 1] }}
      bold
      table={<RunTable caption="Mean score per run" points={points} value={(p) => (p.meanScore === null ? "no score" : p.meanScore.toFixed(2))} />}
    />
  );
}

export function CostLatencyChart({ points }: { points: DashboardPoint[] }) {
  const latency = buildSeries(points, [{ key: "", label: "mean latency (ms)", value: (p) => (p.meanLatencyMs === null ? null : Math.round(p.meanLatencyMs)) }]);
  // Each bar is one run on its own, so bars never mix prompts; only the latency lines are per prompt × dataset.
  const rows = latency.rows.map((row, i) => ({ ...row, cost: points[i]!.costUsd ?? 0 }));
  const open = useOpenRun(rows);
  return (
    <Frame title="Cost and latency per run" hint="bars: total cost of each run (USD); lines: mean latency (ms) per prompt × dataset">
      <ChartBody
        empty={null}
        table={
          <TrendTable hidden={latency.hidden}>
            <RunTable
              caption="Cost and latency per run"
              points={points}
              value={(p) => `${formatCost(p.costUsd)}, ${p.meanLatencyMs === null ? "no latency" : `${Math.round(p.meanLatencyMs)} ms`}`}
            />
          </TrendTable>
        }
      >
        <ComposedChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
          <ChartAxes x={{ dataKey: "x" }} y={[{ yAxisId: "cost" }, { yAxisId: "latency", orientation: "right", unit: " ms" }]} />
          <Bar yAxisId="cost" dataKey="cost" name="Cost (USD)" fill={PALETTE[2]} isAnimationActive={false} />
          {latency.series.map((s, i) => (
            <Line key={s.key} yAxisId="latency" type="linear" dataKey={s.key} name={s.name} stroke={seriesColour(i + 4)} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ChartBody>
    </Frame>
  );
}
