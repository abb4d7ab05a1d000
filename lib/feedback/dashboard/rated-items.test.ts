// The drill-down behind the feedback charts: which ratings each chart point opens, newest first, a page at a time.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { reviewQueueAssignees } from "@/db/schema";
import { dashboardFiltersSchema } from "@/lib/evals/dashboard/filters";
import { makeWorkspace } from "@/lib/testing/factories";
import { addItem, addPrompt, addQueue, addRating } from "@/lib/testing/feedback";
import { buildFeedbackWorkspace, buildStrangerWorkspace } from "@/lib/testing/feedback-workspace";
import { loadRatedItems } from "./load-rated-items";
import { RATED_ITEMS_PAGE } from "./rated-items";
import { dayOf, ratedItemsFiltersSchema, ratedItemsHref } from "./rated-items-filters";

let ws: Awaited<ReturnType<typeof buildFeedbackWorkspace>>;
beforeAll(async () => {
  ws = await buildFeedbackWorkspace();
  await buildStrangerWorkspace({ foreignPromptId: ws.alpha, at: ws.days.d1 });
});

/** The rated items a URL opens, as the page reads it. */
const open = (query: Record<string, string>, as: Parameters<typeof loadRatedItems>[0] = ws.admin) =>
  loadRatedItems(as, { ...dashboardFiltersSchema.parse(query), ...ratedItemsFiltersSchema.parse(query) });

describe("rated items", () => {
  it("lists this workspace's ratings in the range, newest first, with reviewer, comment, tags and a plain-text output preview", async () => {
    const { items, nextCursor, queues } = await open({});
    expect(items).toHaveLength(14);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.createdAt)).toEqual([...items.map((i) => i.createdAt)].sort((a, b) => b - a));
    const newest = items[0]!;
    expect(newest).toMatchObject({ promptName: "beta", version: 1, reviewerEmail: ws.reviewerEmails[0], outputTruncated: true });
    expect(newest.output).toHaveLength(400);
    expect(newest.output.startsWith("<script>")).toBe(true);
    expect(items.find((i) => i.comment === "Good")).toMatchObject({ tags: ["friendly"], value: { type: "thumbs", up: true }, score: 1, queueName: "Thumbs" });
    expect(queues.map((q) => q.name)).toEqual(["Pairwise", "Rubric", "Scale", "Thumbs"]);
  });

  it("names reviewers only to those who manage review", async () => {
    expect(new Set((await open({}, ws.viewer)).items.map((i) => i.reviewerEmail))).toEqual(new Set(["a reviewer"]));
    expect((await open({}, ws.admin)).items.some((i) => i.reviewerEmail === ws.reviewerEmails[0])).toBe(true);
  });

  it("never shows an assignee others' ratings of an item they have not rated yet", async () => {
    const [first, second] = ws.reviewers as [(typeof ws.reviewers)[0], (typeof ws.reviewers)[0]];
    const queueId = await addQueue({ workspaceId: ws.workspaceId, scheme: { type: "thumbs" } });
    const itemId = await addItem({ queueId, promptId: await addPrompt({ workspaceId: ws.workspaceId, name: "gamma" }), version: 1 });
    await getDb().insert(reviewQueueAssignees).values([{ queueId, userId: first.user.id }, { queueId, userId: second.user.id }]);
    await addRating({ workspaceId: ws.workspaceId, queueId, itemId, reviewerId: second.user.id, value: { type: "thumbs", up: true }, at: ws.days.d2 });
    expect((await open({ queue: queueId, range: "all" }, first)).items).toHaveLength(0);
    expect((await open({ queue: queueId, range: "all" }, second)).items).toHaveLength(1);
    expect((await open({ queue: queueId, range: "all" }, ws.viewer)).items).toHaveLength(1);
    await addRating({ workspaceId: ws.workspaceId, queueId, itemId, reviewerId: first.user.id, value: { type: "thumbs", up: false }, at: ws.days.d2 });
    expect((await open({ queue: queueId, range: "all" }, first)).items).toHaveLength(2);
  });

  it("narrows to a chart point: version, version pair, criterion, queue, day, scheme and source", async () => {
    const d1 = dayOf(Math.floor(ws.days.d1 / 86_400_000));
    const count = async (query: Record<string, string>) => (await open({ prompt: ws.alpha, ...query })).items.length;
    expect(await count({ version: "1" })).toBe(6);
    expect(await count({ version: "1", versus: "2" })).toBe(4);
    expect(await count({ criterion: "accuracy" })).toBe(2);
    expect(await count({ queue: ws.queues.scale })).toBe(3);
    expect(await count({ day: d1 })).toBe(6);
    expect(await count({ scheme: "pairwise" })).toBe(4);
    expect(await count({ source: "eval-result" })).toBe(4);
    expect(await count({ range: "all", version: "1", scheme: "thumbs" })).toBe(4);
    expect(await count({ dataset: ws.ds1 })).toBe(3);
  });

  it("reads malformed drill-down parameters as absent rather than failing", () => {
    expect(ratedItemsFiltersSchema.parse({ version: "two", day: "2026-13-45", scheme: "stars", cursor: "x;drop", criterion: "" })).toEqual({});
  });

  it("pages by keyset: 100 at a time, with a cursor to the next page and no row twice", async () => {
    const { workspace, members } = await makeWorkspace(["reviewer", "viewer"]);
    const promptId = await addPrompt({ workspaceId: workspace.id, name: "many" });
    const queueId = await addQueue({ workspaceId: workspace.id, scheme: { type: "thumbs" } });
    const at = Date.now() - 3_600_000;
    for (let i = 0; i < RATED_ITEMS_PAGE + 5; i++) {
      const itemId = await addItem({ queueId, promptId, version: 1 });
      // Pairs share a timestamp, so the id breaks ties.
      await addRating({ workspaceId: workspace.id, queueId, itemId, reviewerId: members[0]!.user.id, value: { type: "thumbs", up: i % 2 === 0 }, at: at + Math.floor(i / 2) });
    }
    const viewer = { kind: "user" as const, workspaceId: workspace.id, user: members[1]!.ctx.user, role: "viewer" as const };
    const filters = dashboardFiltersSchema.parse({});
    const first = await loadRatedItems(viewer, filters);
    expect(first.items).toHaveLength(RATED_ITEMS_PAGE);
    expect(first.nextCursor).not.toBeNull();
    const second = await loadRatedItems(viewer, { ...filters, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.ratingId);
    expect(new Set(ids).size).toBe(RATED_ITEMS_PAGE + 5);
  });

  it("builds drill-down links that carry the dashboard filters and the point's own", () => {
    const href = ratedItemsHref(dashboardFiltersSchema.parse({ environment: "env-1", range: "7d" }), { prompt: "p-1", version: 3, day: "2026-01-02" });
    expect(href).toBe("/dashboard/ratings?prompt=p-1&environment=env-1&range=7d&version=3&day=2026-01-02");
    expect(ratedItemsHref(dashboardFiltersSchema.parse({ prompt: "p-1" }), { prompt: null })).toBe("/dashboard/ratings?range=30d");
  });
});
