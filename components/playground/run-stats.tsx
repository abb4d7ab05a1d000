import { formatCost, formatMs, formatTokens, type RunStats } from "@/lib/playground";

/** Time to first token, latency, tokens, cost and finish reason of a column's run. */
export function RunStatsList({ stats, column }: { stats: RunStats; column: number }) {
  const items: [string, string, string][] = [
    ["ttft", "Time to first token", formatMs(stats.timeToFirstTokenMs)],
    ["latency", "Latency", formatMs(stats.latencyMs)],
    ["tokens", "Tokens", formatTokens({ input: stats.inputTokens, output: stats.outputTokens, estimated: stats.usageEstimated })],
    ["cost", "Cost", formatCost(stats.costUsd)],
    ["finish", "Finish reason", stats.finishReason ?? "—"],
  ];
  return (
    <dl aria-label={`Run stats, column ${column}`} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {items.map(([id, label, value]) => (
        <div key={id} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd data-testid={`stat-${id}`} className="font-mono text-zinc-800 tabular-nums dark:text-zinc-200">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
