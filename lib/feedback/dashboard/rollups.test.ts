// The rollups (db/schema/rollups.ts) under random workloads, on the engine the suite runs on (SQLite, and Postgres in
// vitest.postgres.config.ts): inserts, changed ratings and deletes of ratings, rubric scores, generations, end-user
// feedback and eval results. After every step, `verifyRollups` (what `npm run db:rollups -- --verify` runs) finds no
// figure that the raw rows contradict, and at the end every feedback chart reads the same from rollups as from raw
// rows under every filter. Then the rollups are thrown away and backfilled in small batches while writes go on, as
// on a database created before them: the charts are the same again. The seed is printed on failure.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseEngine, getDb } from "@/db";
import { transaction } from "@/db/transaction";
import { rawRow, rawRun } from "@/db/raw";
import { backfillBatch } from "@/db/rollups/backfill";
import { foldRollups, foldRollupsPeriodically } from "@/db/rollups/fold";
import { ROLLUPS, SOURCES, type RollupSource } from "@/db/rollups/definitions";
import { verifyRollups } from "@/db/rollups/verify";
import { evalResults, evalScores, generations, ratings, ratingScores, type RatingScheme, type RatingValue } from "@/db/schema";
import { dashboardFiltersSchema, type DashboardFilters } from "@/lib/evals";
import { makeWorkspace } from "@/lib/testing/factories";
import { seededRandom as random } from "@/lib/testing/seeded-random";
import {
  addDataset,
  addEvalResult,
  addEvalRun,
  addGeneration,
  addItem,
  addPrompt,
  addQueue,
  addRating,
  containsConfig,
  DAY,
  environmentId,
  judgeScorer,
} from "@/lib/testing/feedback";
import { insertGenerationGrouped } from "../generations/manage-generations";
import * as raw from "./queries";
import * as rollups from "./rollup-queries";

const SCHEMES: Record<RatingScheme["type"], RatingScheme> = {
  thumbs: { type: "thumbs" },
  scale: { type: "scale", min: 1, max: 5 },
  rubric: {
    type: "rubric",
    criteria: [
      { name: "accuracy", description: "", scale: "1-5" },
      { name: "tone", description: "", scale: "yes-no" },
    ],
  },
  pairwise: { type: "pairwise" },
};

/** A rating value of the queue's scheme, with its score and rating_scores rows as the review domain computes them. */
function ratingOf(scheme: RatingScheme["type"], rng: ReturnType<typeof random>): { value: RatingValue; criteria: Record<string, [number, number]> } {
  if (scheme === "thumbs") {
    const up = rng.next() < 0.6;
    return { value: { type: "thumbs", up }, criteria: { overall: [Number(up), Number(up)] } };
  }
  if (scheme === "scale") {
    const value = 1 + rng.int(5);
    return { value: { type: "scale", value }, criteria: { overall: [value, (value - 1) / 4] } };
  }
  if (scheme === "pairwise") return { value: { type: "pairwise", choice: rng.pick(["A", "B", "tie"] as const) }, criteria: {} };
  const accuracy = 1 + rng.int(5);
  const tone = rng.int(2);
  return { value: { type: "rubric", criteria: { accuracy, tone } }, criteria: { accuracy: [accuracy, (accuracy - 1) / 4], tone: [tone, tone] } };
}

async function world(now: number) {
  const { workspace, members } = await makeWorkspace(["admin", "reviewer", "reviewer", "reviewer"]);
  const workspaceId = workspace.id;
  const reviewers = members.slice(1).map((m) => m.user.id);
  const prompts = [await addPrompt({ workspaceId, name: "alpha" }), await addPrompt({ workspaceId, name: "beta", versions: 2 })];
  const envs = [await environmentId(workspaceId, "production"), await environmentId(workspaceId, "staging"), null];
  const queues = Object.fromEntries(await Promise.all(Object.entries(SCHEMES).map(async ([name, scheme]) => [name, await addQueue({ workspaceId, scheme, name })] as const)));
  const datasets = [await addDataset(workspaceId), await addDataset(workspaceId)];
  const runs = [
    await addEvalRun({ workspaceId, datasetId: datasets[0]!, scorers: [containsConfig(), judgeScorer()], at: now - 3 * DAY }),
    await addEvalRun({ workspaceId, datasetId: datasets[1]!, scorers: [containsConfig()], at: now - 2 * DAY }),
  ];
  return { workspaceId, reviewers, prompts, envs, queues, datasets, runs };
}

type World = Awaited<ReturnType<typeof world>>;

interface Live {
  ratings: string[];
  generations: string[];
  results: string[];
  /** scheme:result pairs already in a queue */
  queued: Set<string>;
}

const noneYet = (): Live => ({ ratings: [], generations: [], results: [], queued: new Set() });

/** One random write; returns what it did, for the failure message. */
async function step(w: World, rng: ReturnType<typeof random>, now: number, live: Live): Promise<string> {
  const db = getDb();
  const at = now - rng.int(45) * DAY - rng.int(DAY);
  const roll = rng.next();
  if (roll < 0.35 || live.ratings.length === 0) {
    const scheme = rng.pick(Object.keys(SCHEMES) as RatingScheme["type"][]);
    const promptId = rng.pick(w.prompts);
    const result = live.results.length > 0 ? rng.pick(live.results) : undefined;
    // Nothing is added to a queue twice (review_items_queue_source).
    const fromEval = scheme !== "pairwise" && result !== undefined && rng.next() < 0.4 && !live.queued.has(`${scheme}:${result}`);
    if (fromEval) live.queued.add(`${scheme}:${result}`);
    const itemId = await addItem({
      queueId: w.queues[scheme]!,
      promptId,
      version: rng.next() < 0.1 ? null : 1 + rng.int(2),
      environmentId: rng.pick(w.envs),
      modelId: rng.pick(["fx:echo", "fx:other"]),
      ...(fromEval ? { sourceType: "eval-result" as const, sourceId: result } : {}),
      ...(scheme === "pairwise" ? { pairVersion: 1 + rng.int(2), pairModelId: rng.pick(["fx:echo", "fx:other"]) } : {}),
    });
    const { value, criteria } = ratingOf(scheme, rng);
    const id = await addRating({ workspaceId: w.workspaceId, queueId: w.queues[scheme]!, itemId, reviewerId: rng.pick(w.reviewers), at, value, ...(scheme === "rubric" ? { criteria } : {}) });
    live.ratings.push(id);
    return `rate ${scheme}`;
  }
  if (roll < 0.45) {
    // A changed rating, as manage-ratings writes it: the value and score, then the rubric scores replaced.
    const id = rng.pick(live.ratings);
    const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
    const scheme = row!.value.type;
    const { value, criteria } = ratingOf(scheme, rng);
    const scores = Object.entries(criteria);
    const score = scheme === "pairwise" ? null : scores.reduce((sum, [, [, s]]) => sum + s, 0) / scores.length;
    await db.update(ratings).set({ value, score, updatedAt: new Date() }).where(eq(ratings.id, id));
    await db.delete(ratingScores).where(eq(ratingScores.ratingId, id));
    for (const [criterion, [raw, s]] of scores) await db.insert(ratingScores).values({ ratingId: id, criterion, value: raw, score: s });
    return `change rating ${scheme}`;
  }
  if (roll < 0.52) {
    const id = live.ratings.splice(rng.int(live.ratings.length), 1)[0]!;
    await db.delete(ratingScores).where(eq(ratingScores.ratingId, id));
    await db.delete(ratings).where(eq(ratings.id, id));
    return "delete rating";
  }
  if (roll < 0.6) {
    // Reports that arrive together are stored by one INSERT (manage-generations.ts), which Postgres rolls up with one
    // trigger per statement: rows of several buckets in one batch, some of them past a backfill's cursor.
    const batch = Array.from({ length: 2 + rng.int(6) }, () => ({
      workspaceId: w.workspaceId,
      promptId: rng.pick(w.prompts),
      version: 1,
      environmentId: rng.pick(w.envs),
      variables: {},
      output: "Hi",
      modelId: rng.pick(["fx:echo", "gen-model"]),
      costUsd: rng.next() < 0.5 ? null : Math.round(rng.next() * 1e6) / 1e9,
      latencyMs: rng.next() < 0.5 ? null : rng.int(5000),
      inputTokens: rng.next() < 0.5 ? null : rng.int(900),
      outputTokens: rng.int(900),
      metadata: {},
      apiKeyId: null,
      createdAt: new Date(at - rng.int(3) * DAY),
    }));
    const written = await Promise.all(batch.map((row) => insertGenerationGrouped(row)));
    live.generations.push(...written.map((row) => row.id));
    return "generations reported together";
  }
  if (roll < 0.7) {
    const feedback = rng.next() < 0.5 ? [] : Array.from({ length: 1 + rng.int(3) }, () => Math.round(rng.next() * 100) / 100);
    live.generations.push(await addGeneration({ workspaceId: w.workspaceId, promptId: rng.pick(w.prompts), version: 1, environmentId: rng.pick(w.envs), modelId: rng.pick(["fx:echo", "gen-model"]), at, feedback }));
    return "generation";
  }
  if (roll < 0.75 && live.generations.length > 0) {
    // Feedback is append-only; a generation without any may go (retention).
    const [bare] = await db.select({ id: generations.id }).from(generations).where(and(eq(generations.workspaceId, w.workspaceId), eq(generations.feedbackCount, 0))).limit(1);
    if (bare) {
      await db.delete(generations).where(eq(generations.id, bare.id));
      live.generations.splice(live.generations.indexOf(bare.id), 1);
      return "delete generation";
    }
    return "no generation to delete";
  }
  if (roll < 0.9 || live.results.length === 0) {
    const judged = rng.next();
    live.results.push(
      await addEvalResult({
        runId: rng.pick(w.runs),
        promptId: rng.pick(w.prompts),
        version: 1,
        scores: [
          { key: "contains-1", score: rng.int(2), passed: rng.next() < 0.5 },
          ...(judged < 0.7 ? [{ key: "judge", score: judged < 0.1 ? null : Math.round(rng.next() * 100) / 100, passed: rng.next() < 0.5, error: judged < 0.1 }] : []),
        ],
      }),
    );
    return "eval result";
  }
  const id = rng.pick(live.results);
  if (rng.next() < 0.5) {
    await db.update(evalResults).set({ status: rng.pick(["passed", "failed", "error", "unscored"] as const), score: rng.next() < 0.2 ? null : rng.next(), latencyMs: rng.int(900) }).where(eq(evalResults.id, id));
    return "change eval result";
  }
  // A deleted run's results go with their scores; a review item copied from one keeps what it copied.
  await db.delete(evalScores).where(eq(evalScores.resultId, id));
  await db.delete(evalResults).where(eq(evalResults.id, id));
  live.results.splice(live.results.indexOf(id), 1);
  return "delete eval result";
}

const CHARTS = ["ratingsByVersion", "ratingsByDay", "rubricCriteriaByVersion", "rubricCriteriaByDay", "pairwiseWinRates", "feedbackByEnvironment", "judgeAgreementByDay"] as const;

/** Numbers as rollups give them, rounded where sums of reals may differ in the last bits. */
const rounded = (rows: unknown[]) => JSON.parse(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value)));

async function expectChartsAgree(w: World, now: number) {
  const filters: Partial<DashboardFilters>[] = [
    {},
    { range: "all" },
    { range: "7d" },
    { prompt: w.prompts[0]! },
    { environment: w.envs[0]! },
    { model: "fx:other" },
    { dataset: w.datasets[0]! },
    { range: "all", prompt: w.prompts[1]!, model: "fx:echo" },
  ];
  // As a dashboard load does first (rollupsReady): Postgres's pending deltas into the rollups.
  await foldRollups();
  for (const f of filters) {
    const scope = { ...dashboardFiltersSchema.parse(f), workspaceId: w.workspaceId, now };
    for (const chart of CHARTS) {
      expect(rounded(await rollups[chart](scope)), `${chart} ${JSON.stringify(f)}`).toEqual(rounded(await raw[chart](scope)));
    }
  }
}

async function resetRollups() {
  const db = getDb();
  for (const rollup of ROLLUPS) for (const table of [rollup.table, rollup.deltas]) await rawRun(db, sql.raw(`DELETE FROM "${table}"`));
  await rawRun(db, sql`UPDATE rollup_backfills SET done = (1 = 0), cursor = NULL`);
}

/** A workspace with one prompt and one generation of it, made now. */
async function oneGeneration(name: string) {
  const { workspace } = await makeWorkspace(["admin"]);
  const workspaceId = workspace.id;
  const promptId = await addPrompt({ workspaceId, name });
  const now = Date.now();
  await addGeneration({ workspaceId, promptId, version: 1, environmentId: null, at: now });
  return { workspaceId, promptId, now };
}

/** The number a `SELECT … AS n` answers. */
const count = async (query: SQL) => Number((await rawRow<{ n: unknown }>(getDb(), query))?.n);

describe("rollups", () => {
  it("stay equal to the raw rows through random inserts, changes and deletes, and every chart reads the same from both", { timeout: 120_000 }, async () => {
    const seed = Number(process.env.ROLLUP_SEED ?? Date.now() % 100_000);
    const rng = random(seed);
    const now = Date.now();
    const w = await world(now);
    const live = noneYet();
    const done: string[] = [];
    for (let i = 0; i < 160; i++) {
      done.push(await step(w, rng, now, live));
      if (i % 4 === 3) expect(await verifyRollups(), `seed ${seed} after ${done.join(", ")}`).toEqual([]);
    }
    expect(await verifyRollups(), `seed ${seed}`).toEqual([]);
    await expectChartsAgree(w, now);
  });

  it("backfill in batches while writes go on gives the same figures as the raw rows", { timeout: 120_000 }, async () => {
    const seed = Number(process.env.ROLLUP_SEED ?? Date.now() % 100_000) + 1;
    const rng = random(seed);
    const now = Date.now();
    const w = await world(now);
    const live = noneYet();
    for (let i = 0; i < 80; i++) await step(w, rng, now, live);

    // As on a database created before the rollups: nothing rolled up, every source waiting for its backfill.
    await resetRollups();
    const pending = new Set<RollupSource>(Object.keys(SOURCES) as RollupSource[]);
    while (pending.size > 0) {
      for (const source of [...pending]) if ((await backfillBatch(source, 7)) === 0) pending.delete(source);
      // Writes between batches land on both sides of each cursor: before it the triggers keep them, after it the
      // backfill reaches them.
      await step(w, rng, now, live);
      expect(await verifyRollups(), `seed ${seed}, mid-backfill`).toEqual([]);
    }
    for (let i = 0; i < 20; i++) await step(w, rng, now, live);
    expect(await verifyRollups(), `seed ${seed}`).toEqual([]);
    await expectChartsAgree(w, now);
  });

  it("count whole UTC days: 'last 30 days' starts at midnight UTC 30 days ago, in rollups and raw rows alike", async () => {
    const now = Date.UTC(2026, 5, 15, 15, 30); // a pinned afternoon
    const start = Date.UTC(2026, 4, 16); // midnight UTC of the day 30 days before it
    const { workspace, members } = await makeWorkspace(["admin", "reviewer"]);
    const workspaceId = workspace.id;
    const promptId = await addPrompt({ workspaceId, name: "edges" });
    const queueId = await addQueue({ workspaceId, scheme: { type: "thumbs" } });
    for (const at of [start - 1, start, now - 30 * DAY]) {
      const itemId = await addItem({ queueId, promptId, version: 1 });
      await addRating({ workspaceId, queueId, itemId, reviewerId: members[1]!.user.id, value: { type: "thumbs", up: true }, at });
      await addGeneration({ workspaceId, promptId, version: 1, environmentId: null, at });
    }
    const scope = { ...dashboardFiltersSchema.parse({ range: "30d" }), workspaceId, now };
    await foldRollups();
    for (const from of [raw, rollups]) {
      // The rating at midnight and the one 30 × 24 h ago (later that day) count; the one a millisecond before does not.
      expect((await from.ratingsByVersion(scope)).map((r) => r.count)).toEqual([2]);
      expect((await from.feedbackByEnvironment(scope)).map((e) => e.generations)).toEqual([2]);
    }
  });

  it("let two transactions add rows of one bucket at once: both commit at their first attempt and both are counted", async () => {
    const { workspaceId, promptId, now } = await oneGeneration("busy");
    // Postgres: each transaction holds on after its insert until the other has inserted too, so they overlap (as two
    // processes' reports do). A trigger that updated the shared rollup row made the second wait for the first and then
    // fail SERIALIZABLE's check, so it ran again. SQLite runs transactions one at a time: nothing to overlap.
    const overlap = databaseEngine() === "postgres";
    let attempts = 0;
    let inserted = 0;
    let bothInserted!: () => void;
    const both = new Promise<void>((resolve) => (bothInserted = resolve));
    const report = () =>
      transaction(async (tx) => {
        attempts++;
        await tx.insert(generations).values({ workspaceId, promptId, version: 1, environmentId: null, variables: {}, output: "Hi", modelId: "fx:echo", createdAt: new Date(now) });
        if (++inserted === 2) bothInserted();
        if (overlap) await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      });
    await Promise.all([report(), report()]);
    expect(attempts).toBe(2);
    await foldRollups();
    // The fold moved every delta into the rollups (on SQLite there never were any).
    for (const rollup of ROLLUPS) expect(await count(sql.raw(`SELECT count(*) AS n FROM "${rollup.deltas}"`)), rollup.deltas).toBe(0);
    const scope = { ...dashboardFiltersSchema.parse({ range: "7d" }), workspaceId, now };
    expect((await rollups.feedbackByEnvironment(scope)).map((e) => e.generations)).toEqual([3]);
    expect(await verifyRollups()).toEqual([]);
  });

  it("are folded by the server's timer, without a dashboard asking", async () => {
    const { workspaceId } = await oneGeneration("timed");
    const errors: unknown[] = [];
    const stop = foldRollupsPeriodically((error) => errors.push(error), 20);
    try {
      // Read straight from the rollup table, as no dashboard load (which folds first) is involved.
      await expect
        .poll(() => count(sql`SELECT coalesce(sum(generations), 0) AS n FROM generation_rollups WHERE workspace_id = ${workspaceId}`), { timeout: 5_000 })
        .toBe(1);
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
  });
});
