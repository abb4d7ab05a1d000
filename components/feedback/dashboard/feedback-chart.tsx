"use client";

import { ChartBody, Frame } from "@/components/charts/chart-frame";
import type { HiddenRow } from "@/components/charts/hidden-table";
import { type EMPTY, EmptyChart } from "./empty-chart";

/** A feedback chart's figure: the chart with its hidden data table, or what to do when no ratings match the filters. */
export function FeedbackChart({
  title,
  hint,
  empty,
  rows,
  table,
  className,
  style,
  children,
}: {
  title: string;
  hint: string;
  empty: keyof typeof EMPTY;
  rows: readonly unknown[];
  table: React.ReactNode;
  className?: string;
  style?: React.CSSProperties;
  children: React.ReactElement;
}) {
  return (
    <Frame title={title} hint={hint}>
      <ChartBody empty={rows.length === 0 && <EmptyChart kind={empty} />} table={table} className={className} style={style}>
        {children}
      </ChartBody>
    </Frame>
  );
}

/** A hidden-table row for a chart point of one prompt version. */
export const versionRow = (p: { promptId: string | null; version: number | null; label: string; href: string }, cells: string[]): HiddenRow => ({
  key: `${p.promptId}:${p.version}`,
  label: p.label,
  href: p.href,
  cells,
});

/** A hidden-table row for a chart point of one day. */
export const dayRow = (p: { day: string; href: string }, cells: string[]): HiddenRow => ({ key: p.day, label: p.day, href: p.href, cells });
