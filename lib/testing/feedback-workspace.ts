import { userPrincipal } from "@/lib/platform/auth/principal";
import { makeWorkspace } from "@/lib/testing/factories";
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

// The hand-built workspace the feedback dashboard tests share. Every number the tests expect is derived in the
// comments next to the rows that produce it. Days are UTC: d1 is two days ago, d2 yesterday (10:00 both).

export function buildFeedbackWorkspace(now = Date.now()) {
  const { workspace, members } = makeWorkspace(["admin", "reviewer", "reviewer", "viewer"]);
  const workspaceId = workspace.id;
  const [rev1, rev2] = [members[1]!.user.id, members[2]!.user.id];
  const today = Math.floor(now / DAY) * DAY;
  const d1 = today - 2 * DAY + 10 * 3_600_000;
  const d2 = today - DAY + 10 * 3_600_000;
  const old = now - 40 * DAY;

  const alpha = addPrompt({ workspaceId, name: "alpha" });
  const beta = addPrompt({ workspaceId, name: "beta", versions: 1 });
  const prod = environmentId(workspaceId, "production");
  const staging = environmentId(workspaceId, "staging");

  // Eval results. res1 and res2 on dataset ds1 (run scorers: contains, judge, a second judge that errored on res1);
  // res3 on ds2, judged only by its case's own llm-rubric assertion, stored as "contains-1-case" because the run
  // scorer already uses "contains-1".
  const ds1 = addDataset(workspaceId);
  const ds2 = addDataset(workspaceId);
  const run1 = addEvalRun({ workspaceId, datasetId: ds1, scorers: [containsConfig(), judgeScorer(), judgeScorer("judge-2")], at: d1 });
  const res1 = addEvalResult({ runId: run1, promptId: alpha, version: 1, scores: [{ key: "contains-1", score: 1, passed: true }, { key: "judge", score: 0.8, passed: true }, { key: "judge-2", score: null, passed: false, error: true }] });
  const res2 = addEvalResult({ runId: run1, promptId: alpha, version: 2, scores: [{ key: "contains-1", score: 1, passed: true }, { key: "judge", score: 0.2, passed: false }] });
  const run2 = addEvalRun({ workspaceId, datasetId: ds2, scorers: [containsConfig()], at: d2 });
  const res3 = addEvalResult({
    runId: run2,
    promptId: alpha,
    version: 2,
    assertions: [{ ...judgeScorer("contains-1") }],
    scores: [{ key: "contains-1", score: 1, passed: true }, { key: "contains-1-case", score: 0.4, passed: false }],
  });

  const thumbs = addQueue({ workspaceId, scheme: { type: "thumbs" }, name: "Thumbs" });
  const scale = addQueue({ workspaceId, scheme: { type: "scale", min: 1, max: 5 }, name: "Scale" });
  const rubric = addQueue({
    workspaceId,
    name: "Rubric",
    scheme: { type: "rubric", criteria: [{ name: "accuracy", description: "", scale: "1-5" }, { name: "concise", description: "", scale: "yes-no" }] },
  });
  const pairwise = addQueue({ workspaceId, scheme: { type: "pairwise" }, name: "Pairwise" });
  const rate = (queueId: string, itemId: string, reviewerId: string, value: Parameters<typeof addRating>[0]["value"], at: number, extra: Partial<Parameters<typeof addRating>[0]> = {}) =>
    addRating({ workspaceId, queueId, itemId, reviewerId, value, at, ...extra });

  // alpha v1 (30 days): up, down, down, rubric 0.5 → 4 ratings, mean 0.375; thumbs 1 up / 2 down.
  // alpha v2: up, 5 (1), 3 (0.5), 4 (0.75), rubric 0.75 → 5 ratings, mean 0.8; 1 up, one each of 3, 4 and 5.
  // beta v1: up → 1 rating, mean 1.   d1: 4 ratings, mean 0.375.   d2: 6 ratings, mean 5/6.
  const i1 = addItem({ queueId: thumbs, promptId: alpha, version: 1, environmentId: prod });
  rate(thumbs, i1, rev1, { type: "thumbs", up: true }, d1, { comment: "Good", tags: ["friendly"] });
  rate(thumbs, i1, rev2, { type: "thumbs", up: false }, d1);
  const i2 = addItem({ queueId: thumbs, promptId: alpha, version: 2, environmentId: prod });
  rate(thumbs, i2, rev1, { type: "thumbs", up: true }, d2);
  const i8 = addItem({ queueId: thumbs, promptId: alpha, version: 1, sourceType: "eval-result", sourceId: res1 });
  rate(thumbs, i8, rev2, { type: "thumbs", up: false }, d1 + 60_000);
  const i3 = addItem({ queueId: scale, promptId: alpha, version: 2, environmentId: staging, modelId: "fx:other" });
  rate(scale, i3, rev1, { type: "scale", value: 5 }, d2);
  rate(scale, i3, rev2, { type: "scale", value: 3 }, d2 + 60_000);
  const i9 = addItem({ queueId: scale, promptId: alpha, version: 2, sourceType: "eval-result", sourceId: res3 });
  rate(scale, i9, rev1, { type: "scale", value: 4 }, d2 + 120_000);
  const i4 = addItem({ queueId: rubric, promptId: alpha, version: 1, sourceType: "eval-result", sourceId: res1 });
  rate(rubric, i4, rev1, { type: "rubric", criteria: { accuracy: 5, concise: 0 } }, d1 + 120_000, { criteria: { accuracy: [5, 1], concise: [0, 0] } });
  const i5 = addItem({ queueId: rubric, promptId: alpha, version: 2, sourceType: "eval-result", sourceId: res2 });
  rate(rubric, i5, rev1, { type: "rubric", criteria: { accuracy: 3, concise: 1 } }, d2 + 180_000, { criteria: { accuracy: [3, 0.5], concise: [1, 1] } });
  // Pairwise: i6 is v1 (A) vs v2 (B); i7 is v2 (A) vs v1 (B), so its "A" is a v2 win → v1 vs v2: 1 / 2 wins, 1 tie.
  const i6 = addItem({ queueId: pairwise, promptId: alpha, version: 1, pairVersion: 2 });
  rate(pairwise, i6, rev1, { type: "pairwise", choice: "A" }, d1 + 180_000);
  rate(pairwise, i6, rev2, { type: "pairwise", choice: "B" }, d1 + 240_000);
  const i7 = addItem({ queueId: pairwise, promptId: alpha, version: 2, pairVersion: 1 });
  rate(pairwise, i7, rev1, { type: "pairwise", choice: "A" }, d2 + 240_000);
  rate(pairwise, i7, rev2, { type: "pairwise", choice: "tie" }, d2 + 300_000);
  const i10 = addItem({ queueId: thumbs, promptId: beta, version: 1, environmentId: prod, output: `<script>alert(1)</script>${"x".repeat(600)}` });
  rate(thumbs, i10, rev1, { type: "thumbs", up: true }, d2 + 360_000);
  // Outside the default 30 days.
  const i11 = addItem({ queueId: thumbs, promptId: alpha, version: 1, environmentId: prod });
  rate(thumbs, i11, rev1, { type: "thumbs", up: false }, old);

  // End-user feedback (30 days). Production: alpha 4 generations, 2 with feedback (1; 0 and 0.5 → 0.25), mean
  // 0.625; with beta's one (1) → 5, 3, mean 0.75. Staging: 1, 1, 0.8. No environment: 2, 1, 0.2.
  const gen = (promptId: string, env: string | null, feedback: number[] = [], at = d1) => addGeneration({ workspaceId, promptId, version: 1, environmentId: env, modelId: "gen-model", at, feedback });
  gen(alpha, prod, [1]);
  gen(alpha, prod, [0, 0.5]);
  gen(alpha, prod);
  gen(alpha, prod, [], d2);
  gen(alpha, staging, [0.8], d2);
  gen(alpha, null);
  gen(alpha, null, [0.2], d2);
  gen(alpha, prod, [0], old);
  gen(beta, prod, [1], d2);

  return {
    workspaceId,
    viewer: userPrincipal(members[3]!.ctx),
    admin: userPrincipal(members[0]!.ctx),
    reviewers: [userPrincipal(members[1]!.ctx), userPrincipal(members[2]!.ctx)],
    alpha,
    beta,
    prod,
    staging,
    ds1,
    queues: { thumbs, scale, rubric, pairwise },
    days: { d1, d2 },
    reviewerEmails: [members[1]!.user.email, members[2]!.user.email],
  };
}

/**
 * Another workspace whose rows must never be counted in the first: a rating of an item that even names the first
 * workspace's prompt, a judged eval result, and production generations with feedback.
 */
export function buildStrangerWorkspace({ foreignPromptId, at }: { foreignPromptId: string; at: number }) {
  const { workspace, members } = makeWorkspace(["reviewer", "viewer"]);
  const workspaceId = workspace.id;
  const own = addPrompt({ workspaceId, name: "alpha" });
  const run = addEvalRun({ workspaceId, datasetId: addDataset(workspaceId), scorers: [judgeScorer()], at });
  const result = addEvalResult({ runId: run, promptId: own, version: 1, scores: [{ key: "judge", score: 0, passed: false }] });
  const queue = addQueue({ workspaceId, scheme: { type: "thumbs" } });
  for (const [promptId, sourceId] of [[foreignPromptId, undefined], [own, result]] as const) {
    const item = addItem({ queueId: queue, promptId, version: 1, modelId: "b-item-model", ...(sourceId ? { sourceType: "eval-result" as const, sourceId } : {}) });
    addRating({ workspaceId, queueId: queue, itemId: item, reviewerId: members[0]!.user.id, value: { type: "thumbs", up: true }, at });
  }
  addGeneration({ workspaceId, promptId: own, version: 1, environmentId: environmentId(workspaceId, "production"), modelId: "b-model", at, feedback: [0] });
  return { workspaceId, viewer: userPrincipal(members[1]!.ctx), promptId: own };
}
