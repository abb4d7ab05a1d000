"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, ChartBody, chartMargin, Frame, PALETTE, pct, tooltipStyle, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals/dashboard/filters";
import type { FeedbackDashboardData } from "@/lib/feedback/dashboard/load-feedback-dashboard";
import { ratedItemsHref } from "@/lib/feedback/dashboard/rated-items-filters";
import { EmptyChart } from "./empty-chart";

// Human vs LLM judge per day: how often a reviewer's pass (rating ≥ 0.5) matched the judge's verdict, and the
// mean distance between their scores. A click opens that day's ratings of eval results.

export function HumanJudgeAgreementChart({ data, filters }: { data: FeedbackDashboardData["agreement"]; filters: DashboardFilters }) {
  const rows = data.map((a) => ({ ...a, agreementPct: pct(a.agreement), diff: Math.round(a.meanAbsDiff * 100) / 100, href: ratedItemsHref(filters, { day: a.day, source: "eval-result" }) }));
  const open = useOpenHref(rows);
  return (
    <Frame title="Human vs judge agreement" hint="per day (UTC): agreement on pass/fail (%), mean |human − judge| score (0 to 1)">
      <ChartBody empty={rows.length === 0 && <EmptyChart kind="agreement" />} table={
        <HiddenTable
          caption="Human vs judge agreement per day"
          columns={["Day", "Agreement", "Mean score difference", "Ratings compared"]}
          rows={rows.map((a) => ({ key: a.day, label: a.day, href: a.href, cells: [`${a.agreementPct}%`, a.diff.toFixed(2), String(a.count)] }))}
        />
      }>
        <LineChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
          <CartesianGrid strokeOpacity={0.15} />
          <XAxis dataKey="day" {...axis} />
          <YAxis yAxisId="agreement" domain={[0, 100]} unit="%" {...axis} />
          <YAxis yAxisId="diff" orientation="right" domain={[0, 1]} {...axis} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Line yAxisId="agreement" type="monotone" dataKey="agreementPct" name="Agreement (%)" stroke={PALETTE[1]} strokeWidth={2.5} dot={{ r: 3 }} activeDot={{ r: 5, cursor: "pointer" }} />
          <Line yAxisId="diff" type="monotone" dataKey="diff" name="Mean score difference" stroke={PALETTE[3]} strokeDasharray="4 3" dot={{ r: 3 }} />
        </LineChart>
      </ChartBody>
    </Frame>
  );
}
