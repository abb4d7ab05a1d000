// Seeds the dashboard benchmark's database: one workspace with 100,000 eval results (and their scores), 50,000
// ratings over review items taken from those results and from generations, and 200,000 generations, spread over
// 90 days. Raw prepared statements in one large transaction: the ORM's per-row object building would dominate.
// Deterministic (a seeded PRNG), so two runs measure the same data. Generations, feedback and ratings are inserted
// in time order, as they arrive in production, so rowid order follows created_at as it would in a real database.
import type Database from "better-sqlite3";

const DAY = 86_400_000;
const SPREAD_DAYS = 90;

export const SEED = {
  prompts: 4,
  versionsPerPrompt: 6,
  runs: 200,
  casesPerRun: 250,
  /** runs × 2 targets × cases */
  evalResults: 200 * 2 * 250,
  ratings: 50_000,
  generations: 200_000,
  /** share of generations with end-user feedback, and of those with a second report */
  feedbackShare: 0.4,
  secondFeedbackShare: 0.1,
} as const;

const MODELS = ["openai:gpt-4o-mini", "anthropic:claude-3-5-haiku", "offline:demo"];
const CRITERIA = ["accuracy", "tone", "concise"];

/** mulberry32: small, fast and good enough to spread benchmark data. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = () => crypto.randomUUID();
const filler = (n: number, word: string) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n);

export interface SeededWorkspace {
  workspaceId: string;
  promptIds: string[];
  environmentIds: string[];
  counts: Record<string, number>;
}

/**
 * `scale` multiplies the runs (so eval results and scores), ratings and generations: 10 gives 1,000,000 eval results,
 * 500,000 ratings and 2,000,000 generations (issue 17's "10×").
 */
export function seedDashboards(sqlite: Database.Database, now = Date.now(), scale = 1): SeededWorkspace {
  const runs = SEED.runs * scale;
  const random = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const pastTimes = (n: number) => Array.from({ length: n }, () => now - Math.floor(random() * SPREAD_DAYS * DAY)).sort((a, b) => a - b);

  const insert = (table: string, columns: string[]) =>
    sqlite.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);

  return sqlite.transaction(() => {
    const workspaceId = uuid();
    insert("workspaces", ["id", "name", "slug", "is_demo", "created_at"]).run(workspaceId, "Bench", "bench", 0, now - 100 * DAY);
    // Default environments come from the workspaces trigger.
    const environmentIds = (sqlite.prepare(`SELECT id FROM environments WHERE workspace_id = ? ORDER BY position`).all(workspaceId) as { id: string }[]).map((e) => e.id);

    const reviewers = Array.from({ length: 6 }, (_, i) => {
      const id = uuid();
      insert("users", ["id", "email", "name", "password_hash", "created_at"]).run(id, `reviewer${i}@bench.local`, `Reviewer ${i}`, "x", now - 100 * DAY);
      insert("memberships", ["id", "workspace_id", "user_id", "role", "created_at"]).run(uuid(), workspaceId, id, "reviewer", now - 100 * DAY);
      return id;
    });

    const promptIds: string[] = [];
    const addPrompt = insert("prompts", ["id", "workspace_id", "name", "type", "description", "tags", "created_at", "updated_at"]);
    const addVersion = insert("prompt_versions", ["id", "prompt_id", "version", "type", "template", "model_config", "commit_message", "created_at"]);
    const addPointer = insert("environment_pointers", ["environment_id", "prompt_id", "version", "deployment_id", "updated_at"]);
    for (const [p, name] of ["support/triage", "sales/follow-up", "faq/answer", "ops/summary"].entries()) {
      const id = uuid();
      addPrompt.run(id, workspaceId, name, "text", "", "[]", now - 100 * DAY, now);
      for (let v = 1; v <= SEED.versionsPerPrompt; v++) addVersion.run(uuid(), id, v, "text", `Prompt ${p} revision ${v}: answer {{question}}.`, JSON.stringify({ model: MODELS[v % MODELS.length] }), `v${v}`, now - (100 - v * 10) * DAY);
      environmentIds.forEach((envId, e) => addPointer.run(envId, id, SEED.versionsPerPrompt - e, uuid(), now));
      promptIds.push(id);
    }

    // Datasets and eval runs: 2 targets (two versions of one prompt) × 250 cases per run.
    const datasetIds = ["bench-a", "bench-b"].map((name) => {
      const id = uuid();
      insert("datasets", ["id", "workspace_id", "name", "default_scorers", "created_at", "updated_at"]).run(id, workspaceId, name, "[]", now - 100 * DAY, now);
      return id;
    });
    const judge = { key: "judge", type: "llm-rubric", label: "LLM judge", params: { promptName: "judges/rubric", rubric: "Helpful and correct." } };
    const scorersPlain = [
      { key: "contains-1", type: "contains", label: 'contains "refund"', params: { value: "refund" } },
      { key: "short", type: "length", label: "short", params: { max: 400 } },
    ];
    const addRun = insert("eval_runs", ["id", "workspace_id", "dataset_id", "name", "status", "model_id", "scorers", "total_cases", "created_at", "started_at", "finished_at"]);
    const addTarget = insert("eval_run_targets", ["id", "run_id", "position", "prompt_id", "version", "environment_id", "model_id"]);
    const addCase = insert("eval_run_cases", ["id", "run_id", "case_id", "position", "variables", "expected_output", "tags", "assertions"]);
    const addResult = insert("eval_results", ["id", "run_id", "target_id", "run_case_id", "status", "score", "rendered_input", "output", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "created_at"]);
    const addScore = insert("eval_scores", ["id", "result_id", "run_id", "target_id", "scorer_key", "score", "passed", "reason", "error"]);

    interface JudgedResult {
      id: string;
      at: number;
      promptId: string;
      version: number;
      environmentId: string | null;
      modelId: string;
      output: string;
      pairId: string;
      pairVersion: number;
    }
    const judged: JudgedResult[] = [];
    const output = filler(300, "answer");
    const input = filler(200, "question");
    for (let k = 0; k < runs; k++) {
      const runId = uuid();
      const at = now - Math.floor(((runs - k) / runs) * SPREAD_DAYS * DAY);
      const withJudge = k % 2 === 0;
      const promptIndex = k % SEED.prompts;
      const versionA = 1 + (k % (SEED.versionsPerPrompt - 1));
      const model = pick(MODELS);
      const scorers = withJudge ? [...scorersPlain, judge] : scorersPlain;
      addRun.run(runId, workspaceId, datasetIds[k % 2], `run ${k}`, "completed", model, JSON.stringify(scorers), 2 * SEED.casesPerRun, at, at, at + 60_000);
      const targets = [versionA, versionA + 1].map((version, t) => {
        const id = uuid();
        addTarget.run(id, runId, t + 1, promptIds[promptIndex], version, t === 1 && k % 3 === 0 ? environmentIds[2] : null, model);
        return { id, version };
      });
      const caseIds = Array.from({ length: SEED.casesPerRun }, (_, c) => {
        const id = uuid();
        addCase.run(id, runId, null, c + 1, JSON.stringify({ question: `Case ${c}` }), null, "[]", "[]");
        return id;
      });
      const pairs: string[][] = caseIds.map(() => []);
      for (const target of targets) {
        caseIds.forEach((caseId, c) => {
          const resultId = uuid();
          const scores = scorers.map(() => random());
          const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
          const status = scores.every((s) => s >= 0.5) ? "passed" : "failed";
          addResult.run(resultId, runId, target.id, caseId, status, mean, input, output, 120, 80, 0.0004, 300 + Math.floor(random() * 900), at + c * 100);
          scorers.forEach((s, i) => addScore.run(uuid(), resultId, runId, target.id, s.key, scores[i], scores[i]! >= 0.5 ? 1 : 0, "", 0));
          pairs[c]!.push(resultId);
        });
      }
      if (withJudge) {
        caseIds.forEach((_, c) => {
          const [a, b] = pairs[c] as [string, string];
          judged.push({ id: a, at, promptId: promptIds[promptIndex]!, version: targets[0]!.version, environmentId: null, modelId: model, output, pairId: b, pairVersion: targets[1]!.version });
        });
      }
    }

    // Generations: a share with end-user feedback, some reported on twice; ~15% say no environment.
    const addGeneration = insert("generations", ["id", "workspace_id", "prompt_id", "version", "environment_id", "variables", "output", "model_id", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "metadata", "created_at"]);
    const addFeedback = insert("generation_feedback", ["id", "workspace_id", "generation_id", "score", "comment", "metadata", "created_at"]);
    const generationSample: { id: string; at: number; promptId: string; version: number; environmentId: string | null; modelId: string }[] = [];
    let feedbackRows = 0;
    const variables = JSON.stringify({ question: "Where is my order?" });
    for (const at of pastTimes(SEED.generations * scale)) {
      const id = uuid();
      const promptId = pick(promptIds);
      const version = SEED.versionsPerPrompt - Math.floor(random() * 3);
      const environmentId = random() < 0.15 ? null : pick(environmentIds);
      const modelId = pick(MODELS);
      addGeneration.run(id, workspaceId, promptId, version, environmentId, variables, output, modelId, 120, 80, 0.0004, 500, "{}", at);
      if (random() < SEED.feedbackShare) {
        const reports = random() < SEED.secondFeedbackShare ? 2 : 1;
        for (let f = 0; f < reports; f++) addFeedback.run(uuid(), workspaceId, id, Math.round(random() * 4) / 4, f ? "changed my mind" : "", "{}", Math.min(now, at + 3_600_000));
        feedbackRows += reports;
      }
      if (random() < 1 / 8) generationSample.push({ id, at, promptId, version, environmentId, modelId });
    }

    // Review queues and ratings: 12 queues (each scheme twice) over eval results and generations, built one every
    // 5 days; reviewers work through a queue in order over the next 35 days, 2 reviewers per item, as the rating
    // screen walks positions. Items' sources (so their prompts and versions) are picked at random.
    const addQueue = insert("review_queues", ["id", "workspace_id", "name", "instructions", "scheme", "reviewers_per_item", "source_filter", "created_at"]);
    const addItem = insert("review_items", ["id", "queue_id", "position", "source_type", "source_id", "pair_source_id", "prompt_id", "version", "environment_id", "model_id", "variables", "rendered_prompt", "output", "pair_version", "pair_model_id", "pair_output", "pair_swapped", "created_at"]);
    const addRating = insert("ratings", ["id", "workspace_id", "queue_id", "item_id", "reviewer_id", "value", "score", "comment", "tags", "created_at", "updated_at"]);
    const addRatingScore = insert("rating_scores", ["rating_id", "criterion", "value", "score"]);
    const rubricScheme = { type: "rubric", criteria: CRITERIA.map((name) => ({ name, description: "", scale: "1-5" })) };
    const templates: { name: string; scheme: object; source: "eval-result" | "generation"; ratings: number }[] = [
      { name: "Thumbs on evals", scheme: { type: "thumbs" }, source: "eval-result", ratings: 10_000 },
      { name: "Scale on production", scheme: { type: "scale", min: 1, max: 5 }, source: "generation", ratings: 10_000 },
      { name: "Rubric on evals", scheme: rubricScheme, source: "eval-result", ratings: 12_000 },
      { name: "Pairwise versions", scheme: { type: "pairwise" }, source: "eval-result", ratings: 8_000 },
      { name: "Scale on evals", scheme: { type: "scale", min: 1, max: 5 }, source: "eval-result", ratings: 6_000 },
      { name: "Thumbs on production", scheme: { type: "thumbs" }, source: "generation", ratings: 4_000 },
    ];
    const plan = [0, 1].flatMap((round) => templates.map((t) => ({ ...t, name: `${t.name} ${round + 1}`, ratings: (t.ratings * scale) / 2 })));
    const RATING_DAYS = 35;
    // Items are added when a queue is built; ratings arrive over time, so they are inserted afterwards in time order.
    const pending: { values: unknown[]; criteria: [string, number, number][]; at: number }[] = [];
    let ratingScoreRows = 0;
    let itemRows = 0;
    // Sources in random order, so every queue's items (and their ratings) spread over the 90 days.
    shuffle(judged);
    shuffle(generationSample);
    let judgedCursor = 0;
    let generationCursor = 0;
    for (const [q, queue] of plan.entries()) {
      const queueId = uuid();
      const queueAt = now - (SPREAD_DAYS - 5 * q) * DAY;
      addQueue.run(queueId, workspaceId, queue.name, "", JSON.stringify(queue.scheme), 2, "{}", queueAt);
      const type = (queue.scheme as { type: string }).type;
      const items = queue.ratings / 2;
      for (let position = 1; position <= items; position++) {
        const itemId = uuid();
        const pairwise = type === "pairwise";
        const judgedSource = queue.source === "eval-result" ? judged[judgedCursor++ % judged.length]! : null;
        const source = judgedSource ?? generationSample[generationCursor++ % generationSample.length]!;
        const pair = pairwise ? judgedSource : null;
        addItem.run(
          itemId, queueId, position, queue.source, source.id, pair ? pair.pairId : "", source.promptId, source.version, source.environmentId, source.modelId,
          variables, input, output, pair ? pair.pairVersion : null, pair ? source.modelId : null, pair ? output : null, pair && random() < 0.5 ? 1 : 0, queueAt,
        );
        const reachedAt = queueAt + Math.floor((position / items) * RATING_DAYS * DAY);
        itemRows++;
        for (const reviewer of [reviewers[position % reviewers.length]!, reviewers[(position + 1) % reviewers.length]!]) {
          const ratingId = uuid();
          const at = Math.min(now, reachedAt + Math.floor(random() * DAY));
          let value: object;
          let score: number | null;
          const criteria: [string, number, number][] = [];
          if (type === "thumbs") {
            const up = random() < 0.7;
            value = { type, up };
            score = up ? 1 : 0;
            criteria.push(["overall", up ? 1 : 0, score]);
          } else if (type === "scale") {
            const v = 1 + Math.floor(random() * 5);
            value = { type, value: v };
            score = (v - 1) / 4;
            criteria.push(["overall", v, score]);
          } else if (type === "rubric") {
            const values = Object.fromEntries(CRITERIA.map((c) => [c, 1 + Math.floor(random() * 5)]));
            value = { type, criteria: values };
            for (const c of CRITERIA) criteria.push([c, values[c]!, (values[c]! - 1) / 4]);
            score = criteria.reduce((a, c) => a + c[2], 0) / criteria.length;
          } else {
            const r = random();
            value = { type, choice: r < 0.45 ? "A" : r < 0.85 ? "B" : "tie" };
            score = null;
          }
          const values = [ratingId, workspaceId, queueId, itemId, reviewer, JSON.stringify(value), score, random() < 0.2 ? "Could be shorter." : "", random() < 0.1 ? '["off-tone"]' : "[]", at, at];
          pending.push({ values, criteria, at });
        }
      }
    }
    pending.sort((a, b) => a.at - b.at);
    for (const { values, criteria } of pending) {
      addRating.run(...values);
      for (const [criterion, raw, s] of criteria) addRatingScore.run(values[0], criterion, raw, s);
      ratingScoreRows += criteria.length;
    }

    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      workspaceId,
      promptIds,
      environmentIds,
      counts: {
        eval_runs: count("eval_runs"),
        eval_results: count("eval_results"),
        eval_scores: count("eval_scores"),
        review_items: itemRows,
        ratings: pending.length,
        rating_scores: ratingScoreRows,
        generations: count("generations"),
        generation_feedback: feedbackRows,
      },
    };
  })();
}
