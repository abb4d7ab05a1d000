import { describe, expect, it } from "vitest";
import { computeProgress, formatEta, nearestRankIndex } from "./progress";

describe("computeProgress", () => {
  it("estimates the time left from the recent rate", () => {
    // 20 results in the last 10 s = 2/s; 100 left = 50 s.
    const p = computeProgress({ done: 100, total: 200, errors: 3, recentCount: 20, recentFirstAtMs: 0, nowMs: 10_000 });
    expect(p).toEqual({ done: 100, total: 200, errors: 3, fraction: 0.5, etaSeconds: 50 });
  });

  it("has no ETA without recent results or when done", () => {
    expect(computeProgress({ done: 5, total: 10, errors: 0, recentCount: 0, recentFirstAtMs: null, nowMs: 1 }).etaSeconds).toBeNull();
    expect(computeProgress({ done: 5, total: 10, errors: 0, recentCount: 1, recentFirstAtMs: 0, nowMs: 1_000 }).etaSeconds).toBeNull();
    expect(computeProgress({ done: 10, total: 10, errors: 0, recentCount: 10, recentFirstAtMs: 0, nowMs: 1_000 })).toMatchObject({ fraction: 1, etaSeconds: null });
  });

  it("treats an empty run as complete", () => {
    expect(computeProgress({ done: 0, total: 0, errors: 0, recentCount: 0, recentFirstAtMs: null, nowMs: 0 }).fraction).toBe(1);
  });
});

describe("formatEta", () => {
  it("reads naturally", () => {
    expect(formatEta(null)).toBe("estimating…");
    expect(formatEta(42)).toBe("42 s");
    expect(formatEta(185)).toBe("3 min 5 s");
    expect(formatEta(3_720)).toBe("1 h 2 min");
  });
});

describe("nearestRankIndex", () => {
  it("picks the nearest-rank percentile", () => {
    expect(nearestRankIndex(0, 50)).toBeNull();
    expect(nearestRankIndex(1, 95)).toBe(0);
    expect(nearestRankIndex(10, 50)).toBe(4);
    expect(nearestRankIndex(10, 95)).toBe(9);
    expect(nearestRankIndex(100, 95)).toBe(94);
  });
});
