import type { EvalResultStatus, EvalRunStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";

const runTones = { queued: "neutral", running: "info", interrupted: "warning", cancelled: "warning", completed: "success", failed: "danger" } as const;
// "unscored": the case had no scorer, so it is neither a pass nor a failure.
const resultTones = { passed: "success", failed: "danger", error: "warning", unscored: "neutral" } as const;

export function RunStatusBadge({ status }: { status: EvalRunStatus }) {
  return <Badge tone={runTones[status]}>{status}</Badge>;
}

export function ResultStatusBadge({ status }: { status: EvalResultStatus }) {
  return <Badge tone={resultTones[status]}>{status}</Badge>;
}

/** "87%" or "—" before any result. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}
