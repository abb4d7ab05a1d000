import "server-only";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { timeDashboardSection } from "@/lib/platform/metrics/registry";
import type { DashboardFilters } from "./filters";
import { rollupsReady } from "@/db/rollups/ready";
import * as raw from "./queries";
import { dashboardFilterOptions, scorerLabels, type TrendPoint } from "./queries";
import * as rollups from "./rollup-queries";

// Everything the eval dashboard shows, for one workspace and one set of filters. Scorer labels come from the
// runs' own scorer configs, so a renamed label in a later run does not rename history.

export interface ScorerSeries {
  key: string;
  label: string;
}

export interface DashboardPoint extends TrendPoint {
  /** scorer key → pass rate / mean score at this point */
  scorerPassRates: Record<string, number | null>;
  scorerMeans: Record<string, number | null>;
}

export async function loadEvalDashboard(principal: Principal, filters: DashboardFilters) {
  requirePermission(principal, "dashboards:read");
  const scope = { ...filters, workspaceId: principal.workspaceId };
  // The rollups once their backfill is done (db/rollups); until then the raw rows, so no point is short of a result.
  const source = (await rollupsReady("eval_results")) ? "rollups" : "raw";
  const from = source === "rollups" ? rollups : raw;
  const [trend, scorerPoints, served, options] = await timeDashboardSection("eval", source, () =>
    Promise.all([from.evalTrend(scope), from.scorerTrend(scope), from.servedQuality(scope), dashboardFilterOptions(principal.workspaceId)]),
  );
  const byTarget = new Map<string, DashboardPoint>(trend.map((p) => [p.targetId, { ...p, scorerPassRates: {}, scorerMeans: {} }]));
  const keys = new Set<string>();
  for (const s of scorerPoints) {
    const point = byTarget.get(s.targetId);
    if (!point) continue;
    point.scorerPassRates[s.scorerKey] = s.passRate;
    point.scorerMeans[s.scorerKey] = s.meanScore;
    keys.add(s.scorerKey);
  }
  const labels = await scorerLabels([...new Set(trend.map((p) => p.runId))]);
  return {
    points: [...byTarget.values()],
    scorers: [...keys].sort().map((key) => ({ key, label: labels.get(key) ?? key })),
    served,
    options,
  };
}
export type EvalDashboardData = Awaited<ReturnType<typeof loadEvalDashboard>>;
