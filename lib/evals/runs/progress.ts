// Progress and ETA maths for a run, from counts the queries read. Pure and client-safe.

export interface RunProgress {
  done: number;
  total: number;
  errors: number;
  /** 0..1 */
  fraction: number;
  /** Seconds left at the recent rate; null when unknown (nothing finished recently, or nothing left). */
  etaSeconds: number | null;
}

/**
 * The ETA uses the rate over a recent window (results finished in it / time since the window's first result), not
 * the whole run's average, so a resumed run or a provider that slowed down gives an honest estimate.
 */
export function computeProgress({
  done,
  total,
  errors,
  recentCount,
  recentFirstAtMs,
  nowMs,
}: {
  done: number;
  total: number;
  errors: number;
  /** Results finished within the recent window. */
  recentCount: number;
  /** When the first of those finished. */
  recentFirstAtMs: number | null;
  nowMs: number;
}): RunProgress {
  const remaining = Math.max(0, total - done);
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  let etaSeconds: number | null = null;
  if (remaining > 0 && recentCount >= 2 && recentFirstAtMs !== null) {
    const elapsedMs = Math.max(1, nowMs - recentFirstAtMs);
    const perSecond = (recentCount / elapsedMs) * 1000;
    etaSeconds = Math.ceil(remaining / perSecond);
  }
  return { done, total, errors, fraction, etaSeconds };
}

/** "12 s", "3 min 5 s", "1 h 2 min"; for the progress text and the CLI. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return "estimating…";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** The p-th percentile (0..100) of sorted values by nearest rank; null for none. */
export function nearestRankIndex(count: number, percentile: number): number | null {
  if (count <= 0) return null;
  return Math.min(count - 1, Math.max(0, Math.ceil((percentile / 100) * count) - 1));
}
