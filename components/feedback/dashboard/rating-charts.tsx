"use client";

import { Bar, BarChart, ComposedChart, Line } from "recharts";
import { ChartAxes, chartMargin, PALETTE, seriesColour, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { dayRow, FeedbackChart, versionRow } from "./feedback-chart";

// Average human rating per version and per day, and the distribution of thumbs and 1–5 ratings. A click on a bar
// or point opens the rated items behind it.

const score = (v: number | null) => (v === null ? "—" : v.toFixed(2));
const versionHref = (filters: DashboardFilters, p: { promptId: string | null; version: number | null }) =>
  ratedItemsHref(filters, { prompt: p.promptId, ...(p.version === null ? {} : { version: p.version }) });

export function AverageRatingByVersionChart({ data, filters }: { data: FeedbackDashboardData["byVersion"]; filters: DashboardFilters }) {
  const rows = data.map((p) => ({ ...p, href: versionHref(filters, p) }));
  const open = useOpenHref(rows);
  return (
    <FeedbackChart
      title="Average rating by version"
      hint="0 to 1 (thumbs 0/1, 1–5 scaled, rubric mean); click a bar for its ratings"
      empty="ratings"
      rows={rows}
      table={
        <HiddenTable
          caption="Average rating per version"
          columns={["Version", "Mean rating", "Ratings"]}
          rows={rows.map((p) => versionRow(p, [score(p.meanScore), String(p.count)]))}
        />
      }
    >
      <BarChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "label" }} y={[{ domain: [0, 1] }]} legend={false} />
        <Bar dataKey="meanScore" name="Mean rating" fill={PALETTE[0]} cursor="pointer" />
      </BarChart>
    </FeedbackChart>
  );
}

export function AverageRatingOverTimeChart({ data, filters }: { data: FeedbackDashboardData["byDay"]; filters: DashboardFilters }) {
  const rows = data.rows.map((p) => ({ ...p, href: ratedItemsHref(filters, { day: p.day }) }));
  const open = useOpenHref(rows);
  return (
    <FeedbackChart
      title="Average rating over time"
      hint="per day (UTC); lines: mean rating per prompt, bars: ratings given"
      empty="ratings"
      rows={rows}
      table={
        <HiddenTable
          caption="Average rating per day"
          columns={["Day", ...data.series.map((s) => `${s.name}: mean rating (ratings)`)]}
          rows={rows.map((p) => dayRow(p, data.series.map((s) => (s.key in p.values ? `${score(p.values[s.key] ?? null)} (${p.counts[s.key]})` : "—"))))}
        />
      }
    >
      <ComposedChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "day" }} y={[{ yAxisId: "score", domain: [0, 1] }, { yAxisId: "count", orientation: "right", allowDecimals: false }]} />
        <Bar yAxisId="count" dataKey="count" name="Ratings" fill={PALETTE[4]} fillOpacity={0.35} isAnimationActive={false} />
        {data.series.map((s, i) => (
          <Line
            key={s.key}
            yAxisId="score"
            type="linear"
            dataKey={(row: (typeof rows)[number]) => row.values[s.key] ?? null}
            name={s.name}
            stroke={seriesColour(i)}
            strokeWidth={2.5}
            dot={{ r: 3 }}
            activeDot={{ r: 5, cursor: "pointer" }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </FeedbackChart>
  );
}

const THUMBS = [
  { key: "thumbsUp", name: "Thumbs up", colour: PALETTE[1]! },
  { key: "thumbsDown", name: "Thumbs down", colour: PALETTE[3]! },
] as const;
const SCALE = [
  { key: "scale1", name: "1", colour: "#ef4444" },
  { key: "scale2", name: "2", colour: "#f97316" },
  { key: "scale3", name: "3", colour: "#eab308" },
  { key: "scale4", name: "4", colour: "#84cc16" },
  { key: "scale5", name: "5", colour: "#10b981" },
] as const;

export function RatingDistributionChart({ data, filters }: { data: FeedbackDashboardData["distribution"]; filters: DashboardFilters }) {
  const rows = data.map((p) => ({ ...p, href: versionHref(filters, p) }));
  const open = useOpenHref(rows);
  const hasThumbs = rows.some((p) => p.thumbsUp + p.thumbsDown > 0);
  const hasScale = rows.some((p) => p.scale1 + p.scale2 + p.scale3 + p.scale4 + p.scale5 > 0);
  return (
    <FeedbackChart
      title="Rating distribution"
      hint="counts per version: thumbs, and 1–5 ratings"
      empty="ratings"
      rows={rows}
      table={
        <HiddenTable
          caption="Rating distribution per version"
          columns={["Version", "Thumbs up", "Thumbs down", "Rated 1", "Rated 2", "Rated 3", "Rated 4", "Rated 5"]}
          rows={rows.map((p) => versionRow(p, [p.thumbsUp, p.thumbsDown, p.scale1, p.scale2, p.scale3, p.scale4, p.scale5].map(String)))}
        />
      }
    >
      <BarChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "label" }} y={[{ allowDecimals: false }]} />
        {hasThumbs && THUMBS.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} stackId="thumbs" fill={s.colour} cursor="pointer" />)}
        {hasScale && SCALE.map((s) => <Bar key={s.key} dataKey={s.key} name={`Rated ${s.name}`} stackId="scale" fill={s.colour} cursor="pointer" />)}
      </BarChart>
    </FeedbackChart>
  );
}
