"use client";

import { Bar, ComposedChart, Line } from "recharts";
import { ChartAxes, chartMargin, PALETTE, pct } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { FeedbackDashboardData } from "@/lib/feedback";
import { FeedbackChart } from "./feedback-chart";

// End-user feedback per environment: the share of generations someone reported on (bars) and the mean score of
// those reports (line). These are application users' reports, not reviewers' ratings, so they have no rated-items
// drill-down; the counts are in the hidden table.

export function EndUserFeedbackChart({ data }: { data: FeedbackDashboardData["environments"] }) {
  const rows = data.map((e) => ({ ...e, rate: pct(e.feedbackRate), mean: e.meanScore === null ? null : Math.round(e.meanScore * 100) / 100 }));
  return (
    <FeedbackChart
      title="End-user feedback by environment"
      hint="bars: generations with feedback (%); line: mean feedback score (0 to 1)"
      empty="endUser"
      rows={rows}
      table={
        <HiddenTable
          caption="End-user feedback per environment"
          columns={["Environment", "Generations", "With feedback", "Mean feedback score"]}
          rows={rows.map((e) => ({
            key: e.environmentId ?? "unlabelled",
            label: e.name,
            cells: [String(e.generations), `${e.withFeedback} (${e.rate}%)`, e.mean === null ? "no feedback" : e.mean.toFixed(2)],
          }))}
        />
      }
    >
      <ComposedChart data={rows} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "name" }} y={[{ yAxisId: "rate", domain: [0, 100], unit: "%" }, { yAxisId: "mean", orientation: "right", domain: [0, 1] }]} />
        <Bar yAxisId="rate" dataKey="rate" name="With feedback (%)" fill={PALETTE[4]} />
        <Line yAxisId="mean" type="linear" dataKey="mean" name="Mean feedback score" stroke={PALETTE[5]} strokeWidth={2.5} dot={{ r: 4 }} />
      </ComposedChart>
    </FeedbackChart>
  );
}
