import "server-only";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { timeDashboardSection } from "@/lib/platform/metrics/registry";
import type { DashboardFilters } from "@/lib/evals";
import { rollupsReady } from "@/db/rollups/ready";
import * as raw from "./queries";
import { feedbackFilterOptions, type PromptDay, type VersionGroup } from "./queries";

/** The prompts and models only feedback knows about, for the dashboard's filter menus (mergeFilterOptions). */
export function loadFeedbackFilterOptions(principal: Principal) {
  requirePermission(principal, "dashboards:read");
  return feedbackFilterOptions(principal.workspaceId);
}
import * as rollups from "./rollup-queries";
import { dayOf } from "./rated-items-filters";

// Everything the "Human feedback" section shows, for one workspace and one set of dashboard filters, shaped for
// the charts: labelled points, rubric criteria as keyed series (c0, c1…, since criterion names are free text and
// a chart key with a dot would be read as a path).

export interface VersionKey {
  label: string;
  promptId: string | null;
  version: number | null;
}

export interface CriterionSeries {
  key: string;
  name: string;
}

/** Chart rows carry their series values under the criterion keys. */
export type SeriesRow<T> = T & { values: Record<string, number | null> };

/** A per-day chart: one row per day, one series per prompt (× criterion), each value under its series key. */
export interface DaySeries {
  series: CriterionSeries[];
  rows: SeriesRow<{ day: string; count: number; counts: Record<string, number> }>[];
}

const promptLabel = (row: { promptName: string | null }) => row.promptName ?? "Playground drafts";

/**
 * Pivots per prompt and day rows into a chart's rows and series. Lines never join two prompts' numbers, so each
 * prompt (and criterion) is its own series; the day's total count (for bars) is the sum over them.
 */
function pivotByDay<R extends PromptDay & { count: number }>(rows: R[], series: (row: R) => { id: string; name: string }, value: (row: R) => number | null): DaySeries {
  const keys = new Map<string, CriterionSeries>();
  const days = new Map<number, DaySeries["rows"][number]>();
  for (const row of rows) {
    const s = series(row);
    const known = keys.get(s.id) ?? { key: `s${keys.size}`, name: s.name };
    keys.set(s.id, known);
    const day = days.get(row.dayIndex) ?? { day: dayOf(row.dayIndex), count: 0, counts: {}, values: {} };
    day.values[known.key] = value(row);
    day.counts[known.key] = row.count;
    day.count += row.count;
    days.set(row.dayIndex, day);
  }
  return { series: [...keys.values()], rows: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

export const UNLABELLED_ENVIRONMENT = "Unlabelled";

function versionLabel(group: VersionGroup, fixedPrompt: boolean): string {
  const version = group.version === null ? "draft" : `v${group.version}`;
  return fixedPrompt || group.promptName === null ? version : `${group.promptName} ${version}`;
}

export async function loadFeedbackDashboard(principal: Principal, filters: DashboardFilters) {
  requirePermission(principal, "dashboards:read");
  const scope = { ...filters, workspaceId: principal.workspaceId };
  const fixedPrompt = Boolean(filters.prompt);
  const key = (g: VersionGroup): VersionKey => ({ label: versionLabel(g, fixedPrompt), promptId: g.promptId, version: g.version });

  // The rollups once their backfill is done (db/rollups); until then the raw rows, so no chart is short of a row.
  const ready = await rollupsReady("ratings", "generations");
  const from = ready ? rollups : raw;
  const [rubricVersions, rubricDays, versions, days, pairs, environments, agreement] = await timeDashboardSection("feedback", ready ? "rollups" : "raw", () =>
    Promise.all([
      from.rubricCriteriaByVersion(scope),
      from.rubricCriteriaByDay(scope),
      from.ratingsByVersion(scope),
      from.ratingsByDay(scope),
      from.pairwiseWinRates(scope),
      from.feedbackByEnvironment(scope),
      from.judgeAgreementByDay(scope),
    ]),
  );
  const criteria: CriterionSeries[] = [...new Set([...rubricVersions, ...rubricDays].map((r) => r.criterion))].sort().map((name, i) => ({ key: `c${i}`, name }));
  const keyOf = new Map(criteria.map((c) => [c.name, c.key]));

  const rubricByVersion = new Map<string, SeriesRow<VersionKey>>();
  for (const row of rubricVersions) {
    const id = `${row.promptId}:${row.version}`;
    const point = rubricByVersion.get(id) ?? { ...key(row), values: {} };
    point.values[keyOf.get(row.criterion)!] = row.meanScore;
    rubricByVersion.set(id, point);
  }
  // With one prompt in view, a series is named by its criterion alone.
  const onePrompt = fixedPrompt || new Set(rubricDays.map((r) => r.promptId)).size <= 1;
  const rubricByDay = pivotByDay(
    rubricDays,
    (r) => ({ id: `${r.promptId}|${r.criterion}`, name: onePrompt ? r.criterion : `${promptLabel(r)} · ${r.criterion}` }),
    (r) => r.meanScore,
  );

  return {
    byVersion: versions.map((r) => ({ ...key(r), count: r.count, meanScore: r.meanScore })),
    byDay: pivotByDay(days, (r) => ({ id: String(r.promptId), name: promptLabel(r) }), (r) => r.meanScore),
    distribution: versions
      .filter((r) => r.thumbsUp + r.thumbsDown + r.scale1 + r.scale2 + r.scale3 + r.scale4 + r.scale5 > 0)
      .map(({ promptId, promptName, version, count: _count, meanScore: _mean, ...counts }) => ({ ...key({ promptId, promptName, version }), ...counts })),
    rubric: { criteria, byVersion: [...rubricByVersion.values()], byDay: rubricByDay },
    pairwise: pairs.map((p) => {
      const side = (version: number | null, model: string | null) => `${version === null ? "draft" : `v${version}`}${p.modelA !== p.modelB && model ? ` (${model})` : ""}`;
      const label = `${fixedPrompt || p.promptName === null ? "" : `${p.promptName} `}${side(p.versionA, p.modelA)} vs ${side(p.versionB, p.modelB)}`;
      return { ...p, label, aRate: p.aWins / p.total, bRate: p.bWins / p.total, tieRate: p.ties / p.total };
    }),
    environments: environments.map((e) => ({
      environmentId: e.environmentId,
      name: e.environmentName ?? UNLABELLED_ENVIRONMENT,
      generations: e.generations,
      withFeedback: e.withFeedback,
      feedbackRate: e.withFeedback / e.generations,
      meanScore: e.meanScore,
    })),
    agreement: agreementByDay(agreement),
  };
}
export type FeedbackDashboardData = Awaited<ReturnType<typeof loadFeedbackDashboard>>;

/** Agreement and mean score difference per prompt and day: two pivots of the same rows, so they share series keys. */
function agreementByDay(rows: raw.DayAgreement[]) {
  const series = (r: (typeof rows)[number]) => ({ id: String(r.promptId), name: promptLabel(r) });
  const agreement = pivotByDay(rows, series, (r) => r.agreement);
  const difference = pivotByDay(rows, series, (r) => r.meanAbsDiff);
  return { series: agreement.series, rows: agreement.rows.map((row, i) => ({ ...row, differences: difference.rows[i]!.values })) };
}

/** The eval dashboard's filter menus plus the prompts and models only feedback knows about. */
export function mergeFilterOptions<T extends { prompts: { id: string; name: string }[]; models: string[] }>(evalOptions: T, feedback: Awaited<ReturnType<typeof loadFeedbackFilterOptions>>): T {
  const prompts = new Map([...evalOptions.prompts, ...feedback.prompts].map((p) => [p.id, p]));
  return {
    ...evalOptions,
    prompts: [...prompts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    models: [...new Set([...evalOptions.models, ...feedback.models])].sort(),
  };
}
