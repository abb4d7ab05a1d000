// How a run's numbers read in the UI. Client-safe and pure.

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/**
 * "$0.0012", "$1.25", "free" for a zero price, "unknown" when the model has no catalog price. Small costs keep
 * two significant digits so that comparing cheap models side by side still shows a difference.
 */
export function formatCost(usd: number | null): string {
  if (usd === null) return "unknown";
  if (usd === 0) return "free";
  if (usd >= 0.01) return `$${usd.toFixed(usd >= 100 ? 0 : 2)}`;
  return `$${usd.toPrecision(2).replace(/0+$/, "").replace(/\.$/, "")}`;
}

/** A change in cost, written like formatCost with its sign: "+$0.0012", "−$1.25", "no change". */
export function formatCostDelta(usd: number | null): string {
  if (usd === null) return "—";
  if (usd === 0) return "no change";
  return `${usd > 0 ? "+" : "−"}${formatCost(Math.abs(usd))}`;
}

export function formatTokens({ input, output, estimated }: { input: number | null; output: number | null; estimated: boolean }): string {
  if (input === null && output === null) return "—";
  const prefix = estimated ? "≈ " : "";
  return `${prefix}${input ?? "?"} in · ${output ?? "?"} out`;
}
