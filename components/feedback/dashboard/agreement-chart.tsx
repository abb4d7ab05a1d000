"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, ChartBody, chartMargin, Frame, PALETTE, pct, tooltipStyle, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { EmptyChart } from "./empty-chart";

// Human vs LLM judge per day: how often a reviewer's pass (rating ≥ 0.5) matched the judge's verdict, and the
// mean distance between their scores. A click opens that day's ratings of eval results.

export function HumanJudgeAgreementChart({ data, filters }: { data: FeedbackDashboardData["agreement"]; filters: DashboardFilters }) {
  const { series } = data;
  const rows = data.rows.map((a) => ({ ...a, href: ratedItemsHref(filters, { day: a.day, source: "eval-result" }) }));
  const open = useOpenHref(rows);
  const named = (name: string, what: string) => (series.length > 1 ? `${name}: ${what}` : what);
  return (
    <Frame title="Human vs judge agreement" hint="per prompt and day (UTC): agreement on pass/fail (%), mean |human − judge| score (0 to 1)">
      <ChartBody empty={rows.length === 0 && <EmptyChart kind="agreement" />} table={
        <HiddenTable
          caption="Human vs judge agreement per day"
          columns={["Day", ...series.flatMap((s) => [named(s.name, "agreement"), named(s.name, "mean score difference"), named(s.name, "ratings compared")])]}
          rows={rows.map((a) => ({
            key: a.day,
            label: a.day,
            href: a.href,
            cells: series.flatMap((s) =>
              s.key in a.values ? [`${pct(a.values[s.key])}%`, (a.differences[s.key] ?? 0).toFixed(2), String(a.counts[s.key])] : ["—", "—", "0"],
            ),
          }))}
        />
      }>
        <LineChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
          <CartesianGrid strokeOpacity={0.15} />
          <XAxis dataKey="day" {...axis} />
          <YAxis yAxisId="agreement" domain={[0, 100]} unit="%" {...axis} />
          <YAxis yAxisId="diff" orientation="right" domain={[0, 1]} {...axis} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={`agreement-${s.key}`}
              yAxisId="agreement"
              type="linear"
              dataKey={(row: (typeof rows)[number]) => pct(row.values[s.key])}
              name={named(s.name, "agreement (%)")}
              stroke={PALETTE[(1 + 2 * i) % PALETTE.length]}
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
              stroke={PALETTE[(3 + 2 * i) % PALETTE.length]}
              strokeDasharray="4 3"
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartBody>
    </Frame>
  );
}
