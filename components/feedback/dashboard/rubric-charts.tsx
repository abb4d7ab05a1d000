"use client";

import { Bar, BarChart, Line, LineChart } from "recharts";
import { ChartAxes, chartMargin, seriesColour, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { dayRow, FeedbackChart, versionRow } from "./feedback-chart";

// Rubric criteria as separate series: mean 0..1 score per criterion, per version and per day. The hidden table
// links every cell's ratings (that version or day, that criterion).

type Rubric = FeedbackDashboardData["rubric"];
const score = (v: number | null | undefined) => (v == null ? "—" : v.toFixed(2));

export function RubricCriteriaChart({ rubric, filters }: { rubric: Rubric; filters: DashboardFilters }) {
  const rows = rubric.byVersion.map((p) => ({ ...p, href: ratedItemsHref(filters, { prompt: p.promptId, ...(p.version === null ? {} : { version: p.version }), scheme: "rubric" }) }));
  const open = useOpenHref(rows);
  return (
    <FeedbackChart
      title="Rubric criteria"
      hint="mean score per criterion and version, 0 to 1"
      empty="rubric"
      rows={rows}
      table={
        <>
          <HiddenTable
            caption="Rubric criteria per version"
            columns={["Version", ...rubric.criteria.map((c) => c.name)]}
            rows={rows.map((p) => versionRow(p, rubric.criteria.map((c) => score(p.values[c.key]))))}
          />
          <CriterionLinks rubric={rubric} filters={filters} />
        </>
      }
    >
      <BarChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "label" }} y={[{ domain: [0, 1] }]} />
        {rubric.criteria.map((c, i) => (
          <Bar key={c.key} dataKey={(row: (typeof rows)[number]) => row.values[c.key] ?? null} name={c.name} fill={seriesColour(i)} cursor="pointer" />
        ))}
      </BarChart>
    </FeedbackChart>
  );
}

export function RubricCriteriaOverTimeChart({ rubric, filters }: { rubric: Rubric; filters: DashboardFilters }) {
  const { series } = rubric.byDay;
  const rows = rubric.byDay.rows.map((p) => ({ ...p, href: ratedItemsHref(filters, { day: p.day, scheme: "rubric" }) }));
  const open = useOpenHref(rows);
  return (
    <FeedbackChart
      title="Rubric criteria over time"
      hint="mean score per prompt, criterion and day (UTC)"
      empty="rubric"
      rows={rows}
      table={
        <HiddenTable
          caption="Rubric criteria per day"
          columns={["Day", ...series.map((s) => s.name)]}
          rows={rows.map((p) => dayRow(p, series.map((s) => score(p.values[s.key]))))}
        />
      }
    >
      <LineChart data={rows} onClick={open} accessibilityLayer margin={chartMargin}>
        <ChartAxes x={{ dataKey: "day" }} y={[{ domain: [0, 1] }]} />
        {series.map((s, i) => (
          <Line key={s.key} type="linear" dataKey={(row: (typeof rows)[number]) => row.values[s.key] ?? null} name={s.name} stroke={seriesColour(i)} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </FeedbackChart>
  );
}

/** One link per criterion to its ratings, for readers who want a criterion across versions. */
function CriterionLinks({ rubric, filters }: { rubric: Rubric; filters: DashboardFilters }) {
  return (
    <ul aria-label="Ratings per criterion" className="flex flex-wrap gap-3 text-xs">
      {rubric.criteria.map((c) => (
        <li key={c.key}>
          <a href={ratedItemsHref(filters, { criterion: c.name })} className="text-indigo-700 hover:underline dark:text-indigo-300">
            {c.name} ratings
          </a>
        </li>
      ))}
    </ul>
  );
}
