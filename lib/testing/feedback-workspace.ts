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

export async function buildFeedbackWorkspace(now = Date.now()) {
  const { workspace, members } = await makeWorkspace(["admin", "reviewer", "reviewer", "viewer"]);
  const workspaceId = workspace.id;
  const [rev1, rev2] = [members[1]!.user.id, members[2]!.user.id];
  const today = Math.floor(now / DAY) * DAY;
  const d1 = today - 2 * DAY + 10 * 3_600_000;
  const d2 = today - DAY + 10 * 3_600_000;
  const old = now - 40 * DAY;

  const alpha = await addPrompt({ workspaceId, name: "alpha" });
  const beta = await addPrompt({ workspaceId, name: "beta", versions: 1 });
  const prod = await environmentId(workspaceId, "production");
  const staging = await environmentId(workspaceId, "staging");

  // Eval results. res1 and res2 on dataset ds1 (run scorers: contains, judge, a second judge that errored on res1);
  // res3 on ds2, judged only by its case's own llm-rubric assertion, stored as "contains-1-case" because the run
  // scorer already uses "contains-1".
  const ds1 = await addDataset(workspaceId);
  const ds2 = await addDataset(workspaceId);
  const run1 = await addEvalRun({ workspaceId, datasetId: ds1, scorers: [containsConfig(), judgeScorer(), judgeScorer("judge-2")], at: d1 });
  const res1 = await addEvalResult({ runId: run1, promptId: alpha, version: 1, scores: [{ key: "contains-1", score: 1, passed: true }, { key: "judge", score: 0.8, passed: true }, { key: "judge-2", score: null, passed: false, error: true }] });
  const res2 = await addEvalResult({ runId: run1, promptId: alpha, version: 2, scores: [{ key: "contains-1", score: 1, passed: true }, { key: "judge", score: 0.2, passed: false }] });
  const run2 = await addEvalRun({ workspaceId, datasetId: ds2, scorers: [containsConfig()], at: d2 });
  const res3 = await addEvalResult({
    runId: run2,
    promptId: alpha,
    version: 2,
    assertions: [{ ...judgeScorer("contains-1") }],
    scores: [{ key: "contains-1", score: 1, passed: true }, { key: "contains-1-case", score: 0.4, passed: false }],
  });

  const thumbs = await addQueue({ workspaceId, scheme: { type: "thumbs" }, name: "Thumbs" });
  const scale = await addQueue({ workspaceId, scheme: { type: "scale", min: 1, max: 5 }, name: "Scale" });
  const rubric = await addQueue({
    workspaceId,
    name: "Rubric",
    scheme: { type: "rubric", criteria: [{ name: "accuracy", description: "", scale: "1-5" }, { name: "concise", description: "", scale: "yes-no" }] },
  });
  const pairwise = await addQueue({ workspaceId, scheme: { type: "pairwise" }, name: "Pairwise" });
  const rate = (queueId: string, itemId: string, reviewerId: string, value: Parameters<typeof addRating>[0]["value"], at: number, extra: Partial<Parameters<typeof addRating>[0]> = {}) =>
    addRating({ workspaceId, queueId, itemId, reviewerId, value, at, ...extra });

  // alpha v1 (30 days): up, down, down, rubric 0.5 → 4 ratings, mean 0.375; thumbs 1 up / 2 down.
  // alpha v2: up, 5 (1), 3 (0.5), 4 (0.75), rubric 0.75 → 5 ratings, mean 0.8; 1 up, one each of 3, 4 and 5.
  // beta v1: up → 1 rating, mean 1.   d1: 4 ratings, mean 0.375.   d2: 6 ratings, mean 5/6.
  const i1 = await addItem({ queueId: thumbs, promptId: alpha, version: 1, environmentId: prod });
  await rate(thumbs, i1, rev1, { type: "thumbs", up: true }, d1, { comment: "Good", tags: ["friendly"] });
  await rate(thumbs, i1, rev2, { type: "thumbs", up: false }, d1);
  const i2 = await addItem({ queueId: thumbs, promptId: alpha, version: 2, environmentId: prod });
  await rate(thumbs, i2, rev1, { type: "thumbs", up: true }, d2);
  const i8 = await addItem({ queueId: thumbs, promptId: alpha, version: 1, sourceType: "eval-result", sourceId: res1 });
  await rate(thumbs, i8, rev2, { type: "thumbs", up: false }, d1 + 60_000);
  const i3 = await addItem({ queueId: scale, promptId: alpha, version: 2, environmentId: staging, modelId: "fx:other" });
  await rate(scale, i3, rev1, { type: "scale", value: 5 }, d2);
  await rate(scale, i3, rev2, { type: "scale", value: 3 }, d2 + 60_000);
  const i9 = await addItem({ queueId: scale, promptId: alpha, version: 2, sourceType: "eval-result", sourceId: res3 });
  await rate(scale, i9, rev1, { type: "scale", value: 4 }, d2 + 120_000);
  const i4 = await addItem({ queueId: rubric, promptId: alpha, version: 1, sourceType: "eval-result", sourceId: res1 });
  await rate(rubric, i4, rev1, { type: "rubric", criteria: { accuracy: 5, concise: 0 } }, d1 + 120_000, { criteria: { accuracy: [5, 1], concise: [0, 0] } });
  const i5 = await addItem({ queueId: rubric, promptId: alpha, version: 2, sourceType: "eval-result", sourceId: res2 });
  await rate(rubric, i5, rev1, { type: "rubric", criteria: { accuracy: 3, concise: 1 } }, d2 + 180_000, { criteria: { accuracy: [3, 0.5], concise: [1, 1] } });
  // Pairwise: i6 is v1 (A) vs v2 (B); i7 is v2 (A) vs v1 (B), so its "A" is a v2 win → v1 vs v2: 1 / 2 wins, 1 tie.
  const i6 = await addItem({ queueId: pairwise, promptId: alpha, version: 1, pairVersion: 2 });
  await rate(pairwise, i6, rev1, { type: "pairwise", choice: "A" }, d1 + 180_000);
  await rate(pairwise, i6, rev2, { type: "pairwise", choice: "B" }, d1 + 240_000);
  const i7 = await addItem({ queueId: pairwise, promptId: alpha, version: 2, pairVersion: 1 });
  await rate(pairwise, i7, rev1, { type: "pairwise", choice: "A" }, d2 + 240_000);
  await rate(pairwise, i7, rev2, { type: "pairwise", choice: "tie" }, d2 + 300_000);
  const i10 = await addItem({ queueId: thumbs, promptId: beta, version: 1, environmentId: prod, output: `<script>alert(1)</script>${"x".repeat(600)}` });
  await rate(thumbs, i10, rev1, { type: "thumbs", up: true }, d2 + 360_000);
  // Outside the default 30 days.
  const i11 = await addItem({ queueId: thumbs, promptId: alpha, version: 1, environmentId: prod });
  await rate(thumbs, i11, rev1, { type: "thumbs", up: false }, old);

  // End-user feedback (30 days). Production: alpha 4 generations, 2 with feedback (1; 0 and 0.5 → 0.25), mean
  // 0.625; with beta's one (1) → 5, 3, mean 0.75. Staging: 1, 1, 0.8. No environment: 2, 1, 0.2.
  const gen = (promptId: string, env: string | null, feedback: number[] = [], at = d1) => addGeneration({ workspaceId, promptId, version: 1, environmentId: env, modelId: "gen-model", at, feedback });
  await gen(alpha, prod, [1]);
  await gen(alpha, prod, [0, 0.5]);
  await gen(alpha, prod);
  await gen(alpha, prod, [], d2);
  await gen(alpha, staging, [0.8], d2);
  await gen(alpha, null);
  await gen(alpha, null, [0.2], d2);
  await gen(alpha, prod, [0], old);
  await gen(beta, prod, [1], d2);

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
export async function buildStrangerWorkspace({ foreignPromptId, at }: { foreignPromptId: string; at: number }) {
  const { workspace, members } = await makeWorkspace(["reviewer", "viewer"]);
  const workspaceId = workspace.id;
  const own = await addPrompt({ workspaceId, name: "alpha" });
  const run = await addEvalRun({ workspaceId, datasetId: await addDataset(workspaceId), scorers: [judgeScorer()], at });
  const result = await addEvalResult({ runId: run, promptId: own, version: 1, scores: [{ key: "judge", score: 0, passed: false }] });
  const queue = await addQueue({ workspaceId, scheme: { type: "thumbs" } });
  for (const [promptId, sourceId] of [[foreignPromptId, undefined], [own, result]] as const) {
    const item = await addItem({ queueId: queue, promptId, version: 1, modelId: "b-item-model", ...(sourceId ? { sourceType: "eval-result" as const, sourceId } : {}) });
    await addRating({ workspaceId, queueId: queue, itemId: item, reviewerId: members[0]!.user.id, value: { type: "thumbs", up: true }, at });
  }
  await addGeneration({ workspaceId, promptId: own, version: 1, environmentId: await environmentId(workspaceId, "production"), modelId: "b-model", at, feedback: [0] });
  return { workspaceId, viewer: userPrincipal(members[1]!.ctx), promptId: own };
}
