import { describe, expect, it } from "vitest";
import { buildSeries, MAX_SERIES, type SeriesPoint } from "./series";

type P = SeriesPoint & { rate: number | null; scorers: Record<string, number> };

const point = (over: Partial<P> & Pick<P, "runId" | "promptId" | "datasetId" | "at">): P => ({
  targetId: `${over.runId}-t`,
  promptName: over.promptId,
  datasetName: over.datasetId,
  version: 1,
  rate: 0.5,
  scorers: {},
  ...over,
});

const headline = { key: "", label: "all scorers", value: (p: P) => p.rate, headline: true };
const scorer = (key: string) => ({ key, label: key, value: (p: P) => p.scorers[key] });

describe("buildSeries", () => {
  it("never joins two prompts or two datasets into one line", () => {
    const points = [
      point({ runId: "r1", promptId: "triage", datasetId: "tickets", at: 1, rate: 1 }),
      point({ runId: "r2", promptId: "tagline", datasetId: "tickets", at: 2, rate: 0 }),
      point({ runId: "r3", promptId: "triage", datasetId: "smoke", at: 3, rate: 0.5 }),
      point({ runId: "r4", promptId: "triage", datasetId: "tickets", at: 4, rate: 0.75 }),
    ];
    const { rows, series } = buildSeries(points, [headline]);
    expect(series.map((s) => s.name).sort()).toEqual(["tagline · tickets · all scorers", "triage · smoke · all scorers", "triage · tickets · all scorers"]);
    const triageTickets = series.find((s) => s.name === "triage · tickets · all scorers")!.key;
    // Only triage × tickets rows carry that series' value; the others leave it empty, so its line joins r1 to r4 only.
    expect(rows.map((r) => r[triageTickets] ?? "none")).toEqual([1, "none", "none", 0.75]);
    expect(rows.map((r) => r.runId)).toEqual(["r1", "r2", "r3", "r4"]);
  });

  it("makes one series per scorer within a prompt × dataset, and skips scorers a group never used", () => {
    const points = [
      point({ runId: "r1", promptId: "a", datasetId: "d", at: 1, scorers: { contains: 1, judge: 0.5 } }),
      point({ runId: "r2", promptId: "b", datasetId: "d", at: 2, scorers: { contains: 0 } }),
    ];
    const { series } = buildSeries(points, [scorer("contains"), scorer("judge")]);
    expect(series.map((s) => s.name)).toEqual(["a · d · contains", "a · d · judge", "b · d · contains"]);
  });

  it(`keeps the ${MAX_SERIES} most recently evaluated series and counts the rest`, () => {
    const points = Array.from({ length: MAX_SERIES + 3 }, (_, i) => point({ runId: `r${i}`, promptId: `p${i}`, datasetId: "d", at: i }));
    const { series, hidden, rows } = buildSeries(points, [headline]);
    expect(series).toHaveLength(MAX_SERIES);
    expect(hidden).toBe(3);
    expect(series.some((s) => s.name.startsWith("p0 "))).toBe(false);
    expect(Object.keys(rows[0]!).filter((k) => k.includes("|"))).toHaveLength(0);
  });
});
