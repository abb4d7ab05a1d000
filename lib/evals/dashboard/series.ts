// Turns dashboard points into chart rows and series. A series is one prompt × dataset × scorer: results of
// different prompts or datasets are never joined into one line, since a line between them would claim a trend
// that does not exist. Client-safe (no I/O), so the charts and their tests share it.

export interface SeriesPoint {
  runId: string;
  targetId: string;
  at: number;
  promptId: string;
  promptName: string;
  datasetId: string;
  datasetName: string;
  version: number;
}

export interface ChartSeries {
  key: string;
  name: string;
  /** The group's headline (all scorers combined), drawn bolder than its per-scorer lines. */
  headline: boolean;
}

export interface ChartRow {
  x: string;
  runId: string;
  label: string;
  [seriesKey: string]: string | number | null;
}

/** More lines than this stop being readable; the chart says how many it left out and how to see them. */
export const MAX_SERIES = 12;

const day = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace("T", " ");
const groupOf = (p: SeriesPoint) => `${p.promptId}|${p.datasetId}`;

export interface SeriesValue<P> {
  /** Key within the group, e.g. a scorer key; "" for the group's headline value. */
  key: string;
  label: string;
  value: (point: P) => number | null | undefined;
  headline?: boolean;
}

/**
 * One row per point (run target), in time order, and one series per prompt × dataset × value. A row carries a
 * value only for its own group's series, so with `connectNulls` each line runs straight through its own points.
 * When there are more than MAX_SERIES series, the groups evaluated most recently are kept.
 */
export function buildSeries<P extends SeriesPoint>(points: P[], values: SeriesValue<P>[]): { rows: ChartRow[]; series: ChartSeries[]; hidden: number } {
  const groups = new Map<string, { name: string; lastAt: number; keys: Set<string> }>();
  for (const p of points) {
    const group = groups.get(groupOf(p)) ?? { name: `${p.promptName} · ${p.datasetName}`, lastAt: 0, keys: new Set<string>() };
    group.lastAt = Math.max(group.lastAt, p.at);
    for (const v of values) if (v.value(p) != null) group.keys.add(v.key);
    groups.set(groupOf(p), group);
  }
  const all: (ChartSeries & { lastAt: number })[] = [];
  for (const [id, group] of groups) {
    for (const v of values) {
      if (!group.keys.has(v.key)) continue;
      all.push({ key: `${id}|${v.key}`, name: v.key ? `${group.name} · ${v.label}` : `${group.name}${v.label ? ` · ${v.label}` : ""}`, headline: !!v.headline, lastAt: group.lastAt });
    }
  }
  const kept = [...all].sort((a, b) => b.lastAt - a.lastAt).slice(0, MAX_SERIES);
  const keptKeys = new Set(kept.map((s) => s.key));
  const series = all.filter((s) => keptKeys.has(s.key)).map(({ key, name, headline }) => ({ key, name, headline }));
  const rows = points.map((p) => {
    const row: ChartRow = { x: `${day(p.at)} · v${p.version}`, runId: p.runId, label: `v${p.version}` };
    for (const v of values) {
      const key = `${groupOf(p)}|${v.key}`;
      if (keptKeys.has(key)) row[key] = v.value(p) ?? null;
    }
    return row;
  });
  return { rows, series, hidden: all.length - series.length };
}
