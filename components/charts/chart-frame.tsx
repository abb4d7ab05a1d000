"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, type XAxisProps, YAxis, type YAxisProps } from "recharts";

// What every dashboard chart shares. Recharts draws SVG; each chart sits in a figure with an accessible name and
// carries a hidden data table, so it reads the same to a screen reader. Colours work on light and dark
// backgrounds; axes and labels use currentColor.

export const PALETTE = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#06b6d4", "#a855f7", "#84cc16", "#f97316"];

/** The colour of the i-th series, the palette starting over when there are more series than colours. */
export const seriesColour = (i: number) => PALETTE[i % PALETTE.length]!;

/** 0..1 → percent with one decimal, for charts drawn in percent. */
export const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);

const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 11 } };
const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", borderRadius: 6, fontSize: 12 } };
export const chartMargin = { top: 16, right: 16, bottom: 4, left: 0 };

/**
 * What every cartesian chart draws around its data, styled alike: the grid, the x axis, the value axes (`y`: one, or
 * two with the second on the right), the tooltip and, unless `legend` is false, the legend.
 */
export function ChartAxes({ x, y = [{}], legend = true }: { x: XAxisProps; y?: YAxisProps[]; legend?: boolean }) {
  return (
    <>
      <CartesianGrid strokeOpacity={0.15} />
      <XAxis {...x} {...axis} />
      {y.map((props, i) => (
        <YAxis key={props.yAxisId ?? i} {...props} {...axis} />
      ))}
      <Tooltip {...tooltipStyle} />
      {legend && <Legend />}
    </>
  );
}

export function Frame({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <figure aria-label={title} className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
      <figcaption className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {title} <span className="font-normal text-zinc-500">· {hint}</span>
      </figcaption>
      {children}
    </figure>
  );
}

/** A chart's onClick: opens the link of the point (or bar) under the pointer, if it has one. */
export function useOpenHref(rows: { href?: string | null }[]) {
  const router = useRouter();
  return (state: { activeTooltipIndex?: unknown } | null) => {
    const index = Number(state?.activeTooltipIndex);
    const href = Number.isInteger(index) ? rows[index]?.href : undefined;
    if (href) router.push(href);
  };
}

/** A chart's body: its empty state, or the chart at a fixed height followed by its hidden data table. */
export function ChartBody({
  empty,
  table,
  className = "h-56 w-full",
  style,
  children,
}: {
  empty: React.ReactNode;
  table: React.ReactNode;
  className?: string;
  style?: React.CSSProperties;
  children: React.ReactElement;
}) {
  if (empty) return <>{empty}</>;
  return (
    <>
      <div className={className} style={style}>
        <ResponsiveContainer>{children}</ResponsiveContainer>
      </div>
      {table}
    </>
  );
}
