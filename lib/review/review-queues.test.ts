// Review queues on real SQLite, filled from real eval runs against the fixture server over HTTP.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, evalResults, evalRuns, evalScores, generations, memberships, ratings, ratingScores, reviewItems } from "@/db/schema";
import { userPrincipal, type UserPrincipal } from "@/lib/platform/auth/principal";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import { executeEvalRun } from "@/lib/evals/runs/runner";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { makeWorkspace } from "@/lib/testing/factories";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { queueAgreement } from "./agreement-report";
import { exportQueueRatings } from "./export-ratings";
import { listVisibleQueues, loadQueueOverview } from "./load-queues";
import { addQueueItems, createQueue, createTag, updateQueue } from "./manage-queues";
import { rateItem } from "./manage-ratings";
import { loadRatingSession, loadReviewItem } from "./reviewer-view";

const server = setUpFixtureLlmServer();

/** An eval workspace with reviewers, a lead and a second editor, and one finished run of v1 and v2 over 4 cases. */
async function reviewWorkspace() {
  const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
  const extra = await makeWorkspace(["reviewer", "reviewer", "lead", "editor"]);
  const db = getDb();
  // Move the extra members into the eval workspace.
  for (const m of extra.members) await db.update(memberships).set({ workspaceId: ws.workspace.id }).where(eq(memberships.id, m.membership.id));
  const [r1, r2, lead, editor2] = extra.members.map((m) => userPrincipal({ ...m.ctx, workspaceId: ws.workspace.id })) as [UserPrincipal, UserPrincipal, UserPrincipal, UserPrincipal];
  await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Wave at {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 4 });
  const { id: runId } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }, { version: 2 }], scorers: [containsScorer("Case")] });
  await executeEvalRun({ runId, workerId: "test" });
  return { ...ws, r1, r2, lead, editor2, runId };
}

const scaleQueue = (ws: Awaited<ReturnType<typeof reviewWorkspace>>, overrides: Partial<Parameters<typeof createQueue>[1]> = {}) =>
  createQueue(ws.editor, {
    name: `Spot check ${crypto.randomUUID().slice(0, 6)}`,
    instructions: "Is the greeting right?",
    scheme: { type: "scale", min: 1, max: 5 },
    reviewersPerItem: 1,
    assigneeIds: [ws.r1.user.id, ws.r2.user.id],
    source: { type: "eval-result", runId: ws.runId, version: 1 },
    ...overrides,
  });

describe("review queues", () => {
  it("copies matching eval results into a queue once: adding the same source again adds nothing", async () => {
    const ws = await reviewWorkspace();
    const { id, added } = await scaleQueue(ws);
    expect(added).toBe(4);
    const items = await getDb().select().from(reviewItems).where(eq(reviewItems.queueId, id));
    expect(items.map((i) => i.position).sort()).toEqual([1, 2, 3, 4]);
    expect(items.every((i) => i.version === 1 && i.output.startsWith("Echo: Say hello to Case"))).toBe(true);
    expect(items[0]!.renderedPrompt).toMatch(/Say hello to Case \d/);

    expect(await addQueueItems(ws.editor, { queueId: id, source: { type: "eval-result", runId: ws.runId, version: 1 } })).toEqual({ added: 0, skipped: 0 });
    expect(await addQueueItems(ws.editor, { queueId: id, source: { type: "eval-result", runId: ws.runId } })).toEqual({ added: 4, skipped: 0 });
    expect(await getDb().select().from(reviewItems).where(eq(reviewItems.queueId, id))).toHaveLength(8);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audit.map((a) => a.action)).toEqual(["review.queue.created", "review.items.added"]);
  });

  it("samples a share of the matches and refuses filters that match nothing", async () => {
    const ws = await reviewWorkspace();
    expect((await scaleQueue(ws, { source: { type: "eval-result", runId: ws.runId, samplePercent: 50 } })).added).toBe(4);
    await expect(scaleQueue(ws, { source: { type: "eval-result", runId: ws.runId, version: 9 } })).rejects.toThrow(/No evaluation results match/);
    await expect(scaleQueue(ws, { assigneeIds: [ws.viewer.user.id] })).rejects.toThrow(/Viewers cannot rate/);
    await expect(scaleQueue(ws, { reviewersPerItem: 3 })).rejects.toThrow(/needs 3 reviewers, but only 2/);
  });

  it("takes production generations, filtered by version, with the prompt rendered from their variables", async () => {
    const ws = await reviewWorkspace();
    for (const [version, name] of [[1, "Ana"], [2, "Ben"], [2, "Chen"]] as const) {
      await getDb().insert(generations).values({ workspaceId: ws.workspace.id, promptId: ws.promptId, version, variables: { name }, output: `Hi ${name}`, modelId: "fx:echo" });
    }
    const { id, added } = await scaleQueue(ws, { source: { type: "generation", version: 2 } });
    expect(added).toBe(2);
    const items = await getDb().select().from(reviewItems).where(eq(reviewItems.queueId, id));
    expect(items.map((i) => i.renderedPrompt).sort()).toEqual(["[user]\nWave at Ben.", "[user]\nWave at Chen."]);
    expect((await addQueueItems(ws.editor, { queueId: id, source: { type: "generation" } })).added).toBe(1);
  });

  it("lets only assignees rate, shows admins and leads every queue, and hides queues from everyone else", async () => {
    const ws = await reviewWorkspace();
    const { id } = await scaleQueue(ws, { assigneeIds: [ws.r1.user.id] });
    const session = await loadRatingSession(ws.r1, id);
    expect(session.items).toHaveLength(4);
    await expect(loadRatingSession(ws.r2, id)).rejects.toThrow(/not found/);
    await expect(rateItem(ws.r2, { itemId: session.items[0]!.id, value: { type: "scale", value: 4 } })).rejects.toThrow(/not found/);
    await expect(rateItem(ws.lead, { itemId: session.items[0]!.id, value: { type: "scale", value: 4 } })).rejects.toThrow(/not assigned/);
    await expect(loadQueueOverview(ws.editor2, id)).rejects.toThrow(/not found/);
    expect((await loadQueueOverview(ws.lead, id)).queue.id).toBe(id);
    expect((await listVisibleQueues(ws.r2)).map((q) => q.id)).not.toContain(id);
    expect((await listVisibleQueues(ws.lead)).find((q) => q.id === id)?.access).toEqual({ view: true, rate: false, manage: true });
    await expect(loadQueueOverview(ws.r1, id)).rejects.toThrow(/does not allow/);
    const stranger = await makeEvalWorkspace({ fixtureUrl: server.url });
    await expect(loadQueueOverview(stranger.admin, id)).rejects.toThrow(/not found/);

    await updateQueue(ws.editor, { queueId: id, assigneeIds: [ws.r1.user.id, ws.r2.user.id] });
    expect((await loadRatingSession(ws.r2, id)).items).toHaveLength(4);
  });

  it("counts a double submit once, lets a reviewer change their rating, and audits both", async () => {
    const ws = await reviewWorkspace();
    const { id } = await scaleQueue(ws);
    await createTag(ws.editor, { name: `off-tone-${id.slice(0, 4)}` });
    const [first] = (await loadRatingSession(ws.r1, id)).items;
    const tag = `off-tone-${id.slice(0, 4)}`;
    expect((await rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 4 }, tags: [tag] })).outcome).toBe("created");
    expect((await rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 4 }, tags: [tag] })).outcome).toBe("unchanged");
    expect((await rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 2 }, comment: "Too curt" })).outcome).toBe("updated");
    const rows = await getDb().select().from(ratings).where(eq(ratings.itemId, first!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 0.25, comment: "Too curt", tags: [] });
    expect(await getDb().select().from(ratingScores).where(eq(ratingScores.ratingId, rows[0]!.id))).toEqual([{ ratingId: rows[0]!.id, criterion: "overall", value: 2, score: 0.25 }]);
    expect((await getDb().select().from(auditLog).where(eq(auditLog.objectId, rows[0]!.id))).map((a) => a.action)).toEqual(["review.rating.created", "review.rating.updated"]);

    await expect(rateItem(ws.r1, { itemId: first!.id, value: { type: "thumbs", up: true } })).rejects.toThrow(/rates with scale/);
    await expect(rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 3 }, tags: ["nonsense"] })).rejects.toThrow(/not one of this workspace's feedback tags/);
    expect((await loadReviewItem(ws.r1, first!.id)).myRating).toMatchObject({ value: { type: "scale", value: 2 }, comment: "Too curt" });
    expect((await loadReviewItem(ws.r2, first!.id)).myRating).toBeNull();
  });

  it("stores two concurrent submits of the same rating once, with one audit entry", async () => {
    const ws = await reviewWorkspace();
    const { id } = await scaleQueue(ws);
    const [item] = (await loadRatingSession(ws.r1, id)).items;
    const submit = () => rateItem(ws.r1, { itemId: item!.id, value: { type: "scale", value: 4 } });
    const outcomes = await Promise.all([submit(), submit(), submit()]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["created", "unchanged", "unchanged"]);
    const rows = await getDb().select().from(ratings).where(eq(ratings.itemId, item!.id));
    expect(rows).toHaveLength(1);
    expect((await getDb().select().from(auditLog).where(eq(auditLog.objectId, rows[0]!.id))).map((a) => a.action)).toEqual(["review.rating.created"]);
  });

  it("drops an item from a reviewer's list once others have rated it enough, and reports progress per reviewer", async () => {
    const ws = await reviewWorkspace();
    const { id } = await scaleQueue(ws);
    const items = (await loadRatingSession(ws.r1, id)).items;
    await rateItem(ws.r1, { itemId: items[0]!.id, value: { type: "scale", value: 5 } });
    await rateItem(ws.r1, { itemId: items[1]!.id, value: { type: "scale", value: 5 } });
    expect((await loadRatingSession(ws.r2, id)).items.map((i) => i.position)).toEqual([3, 4]);
    expect((await loadRatingSession(ws.r1, id)).items.map((i) => [i.position, i.rated])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ]);
    const { progress } = await loadQueueOverview(ws.editor, id);
    expect(progress).toMatchObject({ itemCount: 4, doneCount: 2, ratingCount: 2 });
    expect(progress.reviewers.map((r) => [r.email, r.rated, r.open])).toEqual([
      [ws.r1.user.email, 2, 2],
      [ws.r2.user.email, 0, 2],
    ]);
    expect((await listVisibleQueues(ws.r2)).find((q) => q.id === id)).toMatchObject({ itemCount: 4, doneCount: 2, myRatedCount: 0, myOpenCount: 2 });
  });

  it("measures agreement per rubric criterion, lists disagreements, and sets human ratings against the judge", async () => {
    const ws = await reviewWorkspace();
    const { id } = await createQueue(ws.editor, {
      name: "Rubric",
      scheme: { type: "rubric", criteria: [{ name: "Accuracy", description: "Facts right", scale: "1-5" }, { name: "Safe", description: "", scale: "yes-no" }] },
      reviewersPerItem: 2,
      assigneeIds: [ws.r1.user.id, ws.r2.user.id],
      source: { type: "eval-result", runId: ws.runId, version: 1 },
    });
    const items = (await loadRatingSession(ws.r1, id)).items;
    const given: [number, number, number, number][] = [
      [5, 1, 5, 1],
      [4, 1, 4, 1],
      [2, 0, 5, 1],
      [1, 0, 1, 0],
    ];
    for (const [i, [a1, s1, a2, s2]] of given.entries()) {
      await rateItem(ws.r1, { itemId: items[i]!.id, value: { type: "rubric", criteria: { Accuracy: a1, Safe: s1 } } });
      await rateItem(ws.r2, { itemId: items[i]!.id, value: { type: "rubric", criteria: { Accuracy: a2, Safe: s2 } } });
    }
    await expect(rateItem(ws.r1, { itemId: items[0]!.id, value: { type: "rubric", criteria: { Accuracy: 5 } } })).rejects.toThrow(/Rate "Safe" too/);

    // The run gets a judge scorer: passes on items 1 and 3, fails on 2 and 4.
    const db = getDb();
    const run = (await first(db.select().from(evalRuns).where(eq(evalRuns.id, ws.runId))))!;
    await db.update(evalRuns).set({ scorers: [...run.scorers, { key: "judge", type: "llm-rubric", label: "judge", params: { promptName: "judges/rubric" } }] }).where(eq(evalRuns.id, ws.runId));
    const itemRows = (await db.select().from(reviewItems).where(eq(reviewItems.queueId, id))).sort((a, b) => a.position - b.position);
    for (const [i, item] of itemRows.entries()) {
      const result = (await first(db.select().from(evalResults).where(eq(evalResults.id, item.sourceId))))!;
      await db.insert(evalScores).values({ resultId: result.id, runId: result.runId, targetId: result.targetId, scorerKey: "judge", score: i % 2 === 0 ? 0.9 : 0.1, passed: i % 2 === 0 });
    }

    const report = await queueAgreement(ws.editor, id);
    const accuracy = report.byCriterion.find((c) => c.criterion.name === "Accuracy")!;
    const safe = report.byCriterion.find((c) => c.criterion.name === "Safe")!;
    expect(accuracy).toMatchObject({ sharedItems: 4, raters: 2, percentAgreement: 0.75, criterion: { metric: "ordinal" } });
    expect(safe.percentAgreement).toBe(0.75);
    // Safe: r1 = [1,1,0,0], r2 = [1,1,1,0]: p_o = 0.75, p_e = 0.5·0.75 + 0.5·0.25 = 0.5, κ = 0.5.
    expect(safe.cohensKappa).toBeCloseTo(0.5, 10);
    expect(accuracy.krippendorffAlpha).not.toBeNull();
    expect(report.disagreements).toHaveLength(1);
    expect(report.disagreements[0]).toMatchObject({ position: 3, spread: 0.75 });
    expect(report.disagreements[0]!.ratings.map((r) => r.values).sort((x, y) => x[0]!.value.localeCompare(y[0]!.value))).toEqual([
      [{ criterion: "Accuracy", value: "2" }, { criterion: "Safe", value: "no" }],
      [{ criterion: "Accuracy", value: "5" }, { criterion: "Safe", value: "yes" }],
    ]);

    // Human means: item 1 → 1, item 2 → 0.875, item 3 → (0.125 + 1) / 2 = 0.5625 (a pass), item 4 → 0.
    const [judge] = report.judge;
    expect(judge).toMatchObject({ scorerKey: "judge", items: 4, confusion: { humanPassJudgePass: 2, humanPassJudgeFail: 1, humanFailJudgePass: 0, humanFailJudgeFail: 1 }, agreement: 0.75 });
  });
});

describe("pairwise queues", () => {
  it("pairs the run's two versions per case, hides which is which until answered, and stores the choice by source", async () => {
    const ws = await reviewWorkspace();
    const { id, added } = await createQueue(ws.editor, {
      name: "v1 vs v2",
      scheme: { type: "pairwise" },
      assigneeIds: [ws.r1.user.id],
      source: { type: "eval-result", runId: ws.runId },
    });
    expect(added).toBe(4);
    const items = await getDb().select().from(reviewItems).where(eq(reviewItems.queueId, id));
    expect(items.every((i) => i.version === 1 && i.pairVersion === 2 && i.pairSourceId !== "")).toBe(true);

    for (const item of items) {
      const view = await loadReviewItem(ws.r1, item.id);
      expect(view).toMatchObject({ source: null, output: null, renderedPrompt: null, reveal: null });
      const v1Side = view.pair!.A.includes("Say hello") ? "A" : "B";
      const result = await rateItem(ws.r1, { itemId: item.id, value: { type: "pairwise", choice: v1Side } });
      expect(result.reveal![v1Side].version).toBe(1);
      expect(result.reveal![v1Side === "A" ? "B" : "A"].version).toBe(2);
      const stored = (await first(getDb().select().from(ratings).where(eq(ratings.itemId, item.id))))!;
      expect(stored.value).toEqual({ type: "pairwise", choice: "A" });
      expect(await loadReviewItem(ws.r1, item.id)).toMatchObject({ myRating: { value: { type: "pairwise", choice: v1Side } }, reveal: result.reveal });
    }

    const csv = await exportQueueRatings(ws.editor, { queueId: id, format: "csv" });
    expect(csv.body.split("\n")[0]).toBe("item,source_type,source_id,prompt,version,model,pair_version,pair_model,winner,reviewer,preference,score,comment,tags,created_at,updated_at,variables,output,pair_output");
    expect(csv.body.trim().split("\n")).toHaveLength(5);
    const jsonl = (await exportQueueRatings(ws.editor, { queueId: id, format: "jsonl" })).body.trim().split("\n").map((l) => JSON.parse(l) as { winner: string; reviewer: string });
    expect(jsonl.every((r) => r.winner === "v1" && r.reviewer === ws.r1.user.email)).toBe(true);
  });

  it("refuses pairwise queues from generations, which have no second output for the same input", async () => {
    const ws = await reviewWorkspace();
    await expect(createQueue(ws.editor, { name: "pairs", scheme: { type: "pairwise" }, assigneeIds: [ws.r1.user.id], source: { type: "generation" } })).rejects.toThrow(/same input/);
  });
});
