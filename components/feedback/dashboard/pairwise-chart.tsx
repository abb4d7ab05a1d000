"use client";

import { Bar, BarChart } from "recharts";
import { ChartAxes, PALETTE, pct, useOpenHref } from "@/components/charts/chart-frame";
import { HiddenTable } from "@/components/charts/hidden-table";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { FeedbackChart } from "./feedback-chart";

// Pairwise win rates: one bar per version pair, split into "first wins", "tie" and "second wins" (100% stacked),
// with the counts in the hidden table. A click opens that pair's ratings.

export function PairwiseWinRatesChart({ data, filters }: { data: FeedbackDashboardData["pairwise"]; filters: DashboardFilters }) {
  const rows = data.map((p) => ({
    ...p,
    a: pct(p.aRate),
    tie: pct(p.tieRate),
    b: pct(p.bRate),
    href: ratedItemsHref(filters, {
      prompt: p.promptId,
      scheme: "pairwise",
      ...(p.versionA === null ? {} : { version: p.versionA }),
      ...(p.versionB === null ? {} : { versus: p.versionB }),
    }),
  }));
  const open = useOpenHref(rows);
  return (
    <FeedbackChart
      title="Pairwise win rates"
      hint="share of pairwise ratings each side won; click a bar for its ratings"
      empty="pairwise"
      rows={rows}
      className="w-full"
      style={{ height: Math.max(120, 48 * rows.length + 60) }}
      table={
        <HiddenTable
          caption="Pairwise results per version pair"
          columns={["Pair", "First wins", "Ties", "Second wins", "Ratings"]}
          rows={rows.map((p) => ({
            key: `${p.promptId}:${p.versionA}:${p.modelA}:${p.versionB}:${p.modelB}`,
            label: p.label,
            href: p.href,
            cells: [`${p.aWins} (${p.a}%)`, `${p.ties} (${p.tie}%)`, `${p.bWins} (${p.b}%)`, String(p.total)],
          }))}
        />
      }
    >
      <BarChart data={rows} layout="vertical" onClick={open} accessibilityLayer margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
        <ChartAxes x={{ type: "number", domain: [0, 100], unit: "%" }} y={[{ type: "category", dataKey: "label", width: 160 }]} />
        <Bar dataKey="a" name="First wins" stackId="share" fill={PALETTE[0]} cursor="pointer" />
        <Bar dataKey="tie" name="Tie" stackId="share" fill="#a1a1aa" cursor="pointer" />
        <Bar dataKey="b" name="Second wins" stackId="share" fill={PALETTE[2]} cursor="pointer" />
      </BarChart>
    </FeedbackChart>
  );
}
