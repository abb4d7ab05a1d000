import "server-only";
import { getDb } from "@/db";
import type { RatingValue } from "@/db/schema";
import { readJson } from "@/db/sql-dialect";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { cohensKappa, krippendorffAlpha, percentAgreement } from "./agreement";
import { criteriaOf, criterionNumber, describeValue, type Criterion } from "./criteria";
import { loadQueue } from "./manage-queues";
import { listJudgeVerdicts, listQueueRatingValues } from "./queries";

// How far a queue's reviewers agree, per criterion; the items they disagree on most; and how a human verdict
// compares with the LLM judge's on the same eval results. Ratings are grouped per item here, in memory: a queue
// holds at most a few thousand ratings, and the statistics need every unit's values together.

export interface CriterionAgreement {
  criterion: Criterion;
  /** Items rated by at least two reviewers on this criterion. */
  sharedItems: number;
  raters: number;
  percentAgreement: number | null;
  /** Only when exactly two reviewers rated the queue (Cohen's kappa is defined for two fixed raters). */
  cohensKappa: number | null;
  krippendorffAlpha: number | null;
}

export interface Disagreement {
  itemId: string;
  position: number;
  /** 0..1: 1 when reviewers are as far apart as the scale allows. */
  spread: number;
  ratings: { reviewerEmail: string; values: { criterion: string; value: string }[] }[];
}

export interface JudgeComparison {
  scorerKey: string;
  items: number;
  agreement: number | null;
  kappa: number | null;
  meanAbsDifference: number | null;
  /** Human (mean rating ≥ 0.5) against the judge's pass/fail. */
  confusion: { humanPassJudgePass: number; humanPassJudgeFail: number; humanFailJudgePass: number; humanFailJudgeFail: number };
}

interface ItemRatings {
  itemId: string;
  position: number;
  byReviewer: Map<string, { email: string; value: RatingValue; score: number | null }>;
}

function spreadOf(criterion: Criterion, values: number[]): number {
  if (values.length < 2) return 0;
  if (criterion.metric === "ordinal") return (Math.max(...values) - Math.min(...values)) / 4;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return 1 - Math.max(...counts.values()) / values.length;
}

export async function queueAgreement(principal: UserPrincipal, queueId: string) {
  requirePermission(principal, "review:manage");
  const db = getDb();
  const queue = await loadQueue(db, principal, queueId, "manage");
  const criteria = criteriaOf(queue.scheme);
  const [ratingValues, verdicts] = await Promise.all([listQueueRatingValues(db, { queueId: queue.id }), listJudgeVerdicts(db, { queueId: queue.id })]);

  const items = new Map<string, ItemRatings>();
  for (const row of ratingValues) {
    const item = items.get(row.itemId) ?? { itemId: row.itemId, position: row.position, byReviewer: new Map() };
    if (!item.byReviewer.has(row.reviewerId)) item.byReviewer.set(row.reviewerId, { email: row.reviewerEmail, value: readJson<RatingValue>(row.value), score: row.score });
    items.set(row.itemId, item);
  }
  const raters = new Set([...items.values()].flatMap((i) => [...i.byReviewer.keys()]));
  const pairOfRaters = raters.size === 2 ? [...raters] : null;

  const byCriterion: CriterionAgreement[] = criteria.map((criterion) => {
    const units = [...items.values()].map((i) => [...i.byReviewer.values()].map((r) => criterionNumber(r.value, criterion.name)).filter((v): v is number => v !== null));
    let kappa: number | null = null;
    if (pairOfRaters) {
      const a: number[] = [];
      const b: number[] = [];
      for (const item of items.values()) {
        const va = item.byReviewer.get(pairOfRaters[0]!);
        const vb = item.byReviewer.get(pairOfRaters[1]!);
        const na = va ? criterionNumber(va.value, criterion.name) : null;
        const nb = vb ? criterionNumber(vb.value, criterion.name) : null;
        if (na !== null && nb !== null) {
          a.push(na);
          b.push(nb);
        }
      }
      kappa = cohensKappa(a, b);
    }
    return {
      criterion,
      sharedItems: units.filter((u) => u.length >= 2).length,
      raters: raters.size,
      percentAgreement: percentAgreement(units),
      cohensKappa: kappa,
      krippendorffAlpha: krippendorffAlpha(units, criterion.metric),
    };
  });

  const disagreements: Disagreement[] = [];
  for (const item of items.values()) {
    if (item.byReviewer.size < 2) continue;
    const rated = [...item.byReviewer.values()];
    const spread = Math.max(...criteria.map((c) => spreadOf(c, rated.map((r) => criterionNumber(r.value, c.name)).filter((v): v is number => v !== null))));
    if (spread <= 0) continue;
    disagreements.push({
      itemId: item.itemId,
      position: item.position,
      spread,
      ratings: rated.map((r) => ({
        reviewerEmail: r.email,
        values: criteria.flatMap((c) => {
          const n = criterionNumber(r.value, c.name);
          return n === null ? [] : [{ criterion: c.label, value: describeValue(c.scale, n) }];
        }),
      })),
    });
  }
  disagreements.sort((x, y) => y.spread - x.spread || x.position - y.position);

  return { queue: { id: queue.id, name: queue.name, scheme: queue.scheme }, byCriterion, disagreements: disagreements.slice(0, 50), judge: judgeComparison(verdicts, items) };
}
export type QueueAgreement = Awaited<ReturnType<typeof queueAgreement>>;

/** Per judge scorer: items with both a human rating (mean of reviewers) and a judge verdict. */
function judgeComparison(verdicts: Awaited<ReturnType<typeof listJudgeVerdicts>>, items: Map<string, ItemRatings>): JudgeComparison[] {
  const byKey = new Map<string, typeof verdicts>();
  for (const v of verdicts) byKey.set(v.scorerKey, [...(byKey.get(v.scorerKey) ?? []), v]);
  return [...byKey.entries()].map(([scorerKey, rows]) => {
    const human: number[] = [];
    const judge: number[] = [];
    const diffs: number[] = [];
    const confusion = { humanPassJudgePass: 0, humanPassJudgeFail: 0, humanFailJudgePass: 0, humanFailJudgeFail: 0 };
    for (const verdict of rows) {
      const scores = [...(items.get(verdict.itemId)?.byReviewer.values() ?? [])].map((r) => r.score).filter((s): s is number => s !== null);
      if (scores.length === 0) continue;
      const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
      const humanPass = mean >= 0.5;
      const judgePass = verdict.passed;
      human.push(humanPass ? 1 : 0);
      judge.push(judgePass ? 1 : 0);
      if (verdict.score !== null) diffs.push(Math.abs(mean - verdict.score));
      if (humanPass && judgePass) confusion.humanPassJudgePass++;
      else if (humanPass) confusion.humanPassJudgeFail++;
      else if (judgePass) confusion.humanFailJudgePass++;
      else confusion.humanFailJudgeFail++;
    }
    const agreeing = confusion.humanPassJudgePass + confusion.humanFailJudgeFail;
    return {
      scorerKey,
      items: human.length,
      agreement: human.length === 0 ? null : agreeing / human.length,
      kappa: cohensKappa(human, judge),
      meanAbsDifference: diffs.length === 0 ? null : diffs.reduce((s, v) => s + v, 0) / diffs.length,
      confusion,
    };
  });
}
