// Feedback dashboard aggregates on a hand-built workspace (real SQLite): exact averages, distributions, win rates,
// feedback rates and judge agreement, workspace scoping and every filter.
import { beforeAll, describe, expect, it } from "vitest";
import { buildFeedbackWorkspace, buildStrangerWorkspace } from "@/lib/testing/feedback-workspace";
import { dashboardFiltersSchema } from "@/lib/evals/dashboard/filters";
import * as raw from "./queries";
import { feedbackFilterOptions } from "./queries";
import { foldRollups } from "@/db/rollups/fold";
import * as rollupQueries from "./rollup-queries";
import { dayOf } from "./rated-items-filters";
import type { FeedbackScope } from "./scope";

let ws: Awaited<ReturnType<typeof buildFeedbackWorkspace>>;
let stranger: Awaited<ReturnType<typeof buildStrangerWorkspace>>;
let d1: string;
let d2: string;
beforeAll(async () => {
  ws = await buildFeedbackWorkspace();
  stranger = await buildStrangerWorkspace({ foreignPromptId: ws.alpha, at: ws.days.d1 });
  [d1, d2] = [dayOf(Math.floor(ws.days.d1 / 86_400_000)), dayOf(Math.floor(ws.days.d2 / 86_400_000))];
});

const scope = (filters: Record<string, unknown> = {}, extra: Partial<FeedbackScope> = {}): FeedbackScope => ({ ...dashboardFiltersSchema.parse(filters), workspaceId: ws.workspaceId, ...extra });
const days = <T extends { dayIndex: number }>(rows: T[]) => rows.map(({ dayIndex, ...rest }) => ({ day: dayOf(dayIndex), ...rest }));

// The rollup queries as a dashboard load runs them: after rollupsReady() has folded Postgres's pending deltas.
const rollups = Object.fromEntries(
  Object.entries(rollupQueries).map(([name, query]) => [name, async (...args: unknown[]) => (await foldRollups(), (query as (...a: unknown[]) => unknown)(...args))]),
) as unknown as typeof rollupQueries;

// Every aggregate twice: from the raw rows and from the rollups the triggers keep, which must say the same.
describe.each([
  ["raw rows", raw],
  ["rollups", rollups],
] as const)("from %s", (_from, { feedbackByEnvironment, judgeAgreementByDay, pairwiseWinRates, ratingsByDay, ratingsByVersion, rubricCriteriaByDay, rubricCriteriaByVersion }) => {
  const byVersion = async (s: FeedbackScope) => (await ratingsByVersion(s)).map((r) => ({ prompt: r.promptName, version: r.version, count: r.count, mean: r.meanScore }));
  describe("ratings by version and day", () => {
    it("averages every scored rating per prompt version, with the thumbs and 1–5 distribution", async () => {
      expect(await byVersion(scope())).toEqual([
        { prompt: "alpha", version: 1, count: 4, mean: 0.375 },
        { prompt: "alpha", version: 2, count: 5, mean: 0.8 },
        { prompt: "beta", version: 1, count: 1, mean: 1 },
      ]);
      expect((await ratingsByVersion(scope())).map(({ thumbsUp, thumbsDown, scale1, scale2, scale3, scale4, scale5 }) => [thumbsUp, thumbsDown, scale1, scale2, scale3, scale4, scale5])).toEqual([
        [1, 2, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 1, 1, 1],
        [1, 0, 0, 0, 0, 0, 0],
      ]);
    });

    it("buckets ratings per prompt and UTC day, leaving out pairwise ratings (no score)", async () => {
      const rows = days(await ratingsByDay(scope()));
      expect(rows.map((r) => [r.day, r.promptName, r.count])).toEqual([
        [d1, "alpha", 4],
        [d2, "alpha", 5],
        [d2, "beta", 1],
      ]);
      expect(rows[0]!.meanScore).toBeCloseTo(0.375, 10);
      expect(rows[1]!.meanScore).toBeCloseTo(0.8, 10);
      expect(rows[2]!.meanScore).toBe(1);
    });

    it("applies the dashboard filters: time range, prompt, environment, model and dataset", async () => {
      expect((await byVersion(scope({ range: "all" })))[0]).toEqual({ prompt: "alpha", version: 1, count: 5, mean: 0.3 });
      expect(await byVersion(scope({ prompt: ws.beta }))).toEqual([{ prompt: "beta", version: 1, count: 1, mean: 1 }]);
      expect(await byVersion(scope({ environment: ws.prod }))).toEqual([
        { prompt: "alpha", version: 1, count: 2, mean: 0.5 },
        { prompt: "alpha", version: 2, count: 1, mean: 1 },
        { prompt: "beta", version: 1, count: 1, mean: 1 },
      ]);
      expect(await byVersion(scope({ model: "fx:other" }))).toEqual([{ prompt: "alpha", version: 2, count: 2, mean: 0.75 }]);
      // Only ratings of eval results from runs on the dataset: i8 (0) and i4 (0.5) on v1, i5 (0.75) on v2.
      expect(await byVersion(scope({ dataset: ws.ds1 }))).toEqual([
        { prompt: "alpha", version: 1, count: 2, mean: 0.25 },
        { prompt: "alpha", version: 2, count: 1, mean: 0.75 },
      ]);
      expect(days(await ratingsByDay(scope({ prompt: ws.beta })))).toEqual([{ day: d2, promptId: ws.beta, promptName: "beta", count: 1, meanScore: 1 }]);
    });

    it("never counts another workspace's ratings, even of an item naming this workspace's prompt", async () => {
      expect((await byVersion(scope({ prompt: ws.alpha }))).map((r) => r.count)).toEqual([4, 5]);
      expect(await byVersion(scope({ prompt: stranger.promptId }))).toEqual([]);
      expect(await byVersion({ ...scope(), workspaceId: stranger.workspaceId })).toEqual([
        { prompt: "alpha", version: 1, count: 1, mean: 1 },
        { prompt: "alpha", version: 1, count: 1, mean: 1 },
      ]);
    });
  });

  describe("rubric criteria", () => {
    it("gives each criterion its own mean per version and per day", async () => {
      expect((await rubricCriteriaByVersion(scope())).map((r) => [r.promptName, r.version, r.criterion, r.count, r.meanScore])).toEqual([
        ["alpha", 1, "accuracy", 1, 1],
        ["alpha", 1, "concise", 1, 0],
        ["alpha", 2, "accuracy", 1, 0.5],
        ["alpha", 2, "concise", 1, 1],
      ]);
      expect(days(await rubricCriteriaByDay(scope())).map((r) => [r.day, r.criterion, r.meanScore])).toEqual([
        [d1, "accuracy", 1],
        [d1, "concise", 0],
        [d2, "accuracy", 0.5],
        [d2, "concise", 1],
      ]);
      expect(await rubricCriteriaByVersion(scope({ environment: ws.prod }))).toEqual([]);
    });
  });

  describe("pairwise win rates", () => {
    it("adds up both orders of a version pair, reading A as the item's own version", async () => {
      expect(await pairwiseWinRates(scope())).toEqual([
        { promptId: ws.alpha, promptName: "alpha", versionA: 1, modelA: "fx:echo", versionB: 2, modelB: "fx:echo", aWins: 1, bWins: 2, ties: 1, total: 4 },
      ]);
      expect(await pairwiseWinRates(scope({ prompt: ws.beta }))).toEqual([]);
    });
  });

  describe("end-user feedback by environment", () => {
    it("gives the share of generations with feedback and their mean score per environment, unlabelled last", async () => {
      expect((await feedbackByEnvironment(scope())).map((e) => [e.environmentName, e.generations, e.withFeedback, e.meanScore])).toEqual([
        ["Staging", 1, 1, 0.8],
        ["Production", 5, 3, 0.75],
        [null, 2, 1, 0.2],
      ]);
    });

    it("filters by prompt, environment and model, ignores the dataset, and stays in its workspace", async () => {
      expect((await feedbackByEnvironment(scope({ prompt: ws.alpha }))).find((e) => e.environmentId === ws.prod)).toMatchObject({ generations: 4, withFeedback: 2, meanScore: 0.625 });
      expect((await feedbackByEnvironment(scope({ environment: ws.prod, range: "all" }))).map((e) => [e.environmentName, e.generations, e.withFeedback])).toEqual([["Production", 6, 4]]);
      expect(await feedbackByEnvironment(scope({ model: "another" }))).toEqual([]);
      expect(await feedbackByEnvironment(scope({ dataset: ws.ds1 }))).toEqual(await feedbackByEnvironment(scope()));
      expect((await feedbackByEnvironment({ ...scope(), workspaceId: stranger.workspaceId })).map((e) => [e.environmentName, e.generations, e.meanScore])).toEqual([["Production", 1, 0]]);
    });
  });

  describe("human vs judge agreement", () => {
    it("compares each rating of a judged eval result with its run's or case's llm-rubric verdict, per day", async () => {
      // d1: i8 (0 vs judge 0.8 pass: disagree, 0.8) and i4 (0.5 vs 0.8 pass: agree, 0.3). The errored second judge and
      // the contains scorer are not judges. d2: i5 (0.75 vs 0.2 fail: 0.55) and i9 (0.75 vs its case's judge, 0.4 fail: 0.35).
      const rows = days(await judgeAgreementByDay(scope()));
      expect(rows.map((r) => [r.day, r.count, r.agreement])).toEqual([
        [d1, 2, 0.5],
        [d2, 2, 0],
      ]);
      expect(rows[0]!.meanAbsDiff).toBeCloseTo(0.55, 10);
      expect(rows[1]!.meanAbsDiff).toBeCloseTo(0.45, 10);
    });

    it("follows the filters and the workspace", async () => {
      const onDataset = days(await judgeAgreementByDay(scope({ dataset: ws.ds1 })));
      expect(onDataset.map((r) => [r.day, r.count, r.agreement])).toEqual([
        [d1, 2, 0.5],
        [d2, 1, 0],
      ]);
      expect(await judgeAgreementByDay(scope({ prompt: ws.beta }))).toEqual([]);
      expect(days(await judgeAgreementByDay({ ...scope(), workspaceId: stranger.workspaceId })).map((r) => [r.count, r.agreement, r.meanAbsDiff])).toEqual([[1, 0, 1]]);
    });
  });
});

describe("filter options", () => {
  it("offers the prompts and models that have ratings or generations in the workspace", async () => {
    expect(await feedbackFilterOptions(ws.workspaceId)).toEqual({
      prompts: [
        { id: ws.alpha, name: "alpha" },
        { id: ws.beta, name: "beta" },
      ],
      models: ["fx:echo", "fx:other", "gen-model"],
    });
    expect((await feedbackFilterOptions(stranger.workspaceId)).models).toEqual(["b-item-model", "b-model"]);
  });
});
