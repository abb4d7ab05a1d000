"use client";

import { Line, LineChart } from "recharts";
import { ChartAxes, chartMargin, pct, seriesColour, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { dayRow, FeedbackChart } from "./feedback-chart";

// Human vs LLM judge per day: how often a reviewer's pass (rating ≥ 0.5) matched the judge's verdict, and the
// mean distance between their scores. A click opens that day's ratings of eval results.

export function HumanJudgeAgreementChart({ data, filters }: { data: FeedbackDashboardData["agreement"]; filters: DashboardFilters }) {
  const { series } = data;
  const rows = data.rows.map((a) => ({ ...a, href: ratedItemsHref(filters, { day: a.day, source: "eval-result" }) }));
  const open = useOpenHref(rows);
  const named = (name: string, what: string) => (series.length > 1 ? `${name}: ${what}` : what);
  return (
    <FeedbackChart
      title="Human vs judge agreement"
      hint="per prompt and day (UTC): agreement on pass/fail (%), mean |human − judge| score (0 to 1)"
      empty="agreement"
      rows={rows}
      table={
        <HiddenTable
          caption="Human vs judge agreement per day"
          columns={["Day", ...series.flatMap((s) => [named(s.name, "agreement"), named(s.name, "mean score difference"), named(s.name, "ratings compared")])]}
          rows={rows.map((a) =>
            dayRow(
              a,
              series.flatMap((s) =>
                s.key in a.values ? [`${pct(a.values[s.key])}%`, (a.differences[s.key] ?? 0).toFixed(2), String(a.counts[s.key])] : ["—", "—", "0"],
              ),
            ),
          )}
        />
      }
    >
      <LineChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "day" }} y={[{ yAxisId: "agreement", domain: [0, 100], unit: "%" }, { yAxisId: "diff", orientation: "right", domain: [0, 1] }]} />
        {series.map((s, i) => (
          <Line
            key={`agreement-${s.key}`}
            yAxisId="agreement"
            type="linear"
            dataKey={(row: (typeof rows)[number]) => pct(row.values[s.key])}
            name={named(s.name, "agreement (%)")}
            stroke={seriesColour(1 + 2 * i)}
            strokeWidth={2.5}
            dot={{ r: 3 }}
            activeDot={{ r: 5, cursor: "pointer" }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {series.map((s, i) => (
          <Line
            key={`diff-${s.key}`}
            yAxisId="diff"
            type="linear"
            dataKey={(row: (typeof rows)[number]) => (row.differences[s.key] == null ? null : Math.round(row.differences[s.key]! * 100) / 100)}
            name={named(s.name, "mean score difference")}
            stroke={seriesColour(3 + 2 * i)}
            strokeDasharray="4 3"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </FeedbackChart>
  );
}
