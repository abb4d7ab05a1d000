// Who waits on whom, on real SQLite: the navigation badges' counts and where each role lands.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { generations, type Role } from "@/db/schema";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { approvePromotion, requestPromotion } from "@/lib/releases/manage-promotions";
import { findEnvironmentBySlug } from "@/lib/serving/queries";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { createQueue, setQueueArchived } from "@/lib/review/manage-queues";
import { rateItem } from "@/lib/review/manage-ratings";
import { loadRatingSession } from "@/lib/review/reviewer-view";
import { makeWorkspace } from "@/lib/testing/factories";
import { landingPath, type WorkWaiting } from "./landing";
import { workWaitingFor } from "./work-waiting";

async function setup() {
  const { workspace, members } = await makeWorkspace(["admin", "lead", "lead", "editor", "reviewer", "reviewer", "viewer"]);
  const [admin, lead, lead2, editor, r1, r2, viewer] = members.map((m) => userPrincipal(m.ctx)) as ReturnType<typeof userPrincipal>[];
  const { id: promptId } = await createPrompt(members[3]!.ctx, { name: "support/triage", type: "text", description: "", tags: [] });
  for (const [i, template] of ["Hi {{name}}", "Hello {{name}}"].entries()) {
    await saveVersion(members[3]!.ctx, { promptId, body: { type: "text", template }, modelConfig: {}, commitMessage: `v${i + 1}`, expectedParentVersion: i === 0 ? null : i });
  }
  const production = (await findEnvironmentBySlug(getDb(), { workspaceId: workspace.id, slug: "production" }))!.id;
  const waiting = (who: ReturnType<typeof userPrincipal>) => workWaitingFor({ workspaceId: workspace.id, role: who.role, userId: who.user.id });
  const counts = async (who: ReturnType<typeof userPrincipal>[], kind: keyof WorkWaiting) => (await Promise.all(who.map(waiting))).map((w) => w[kind]);
  return { workspace, promptId, production, admin: admin!, lead: lead!, lead2: lead2!, editor: editor!, r1: r1!, r2: r2!, viewer: viewer!, waiting, counts };
}

describe("approvals waiting", () => {
  it("does not count a lead's own request for them, but does for the other lead and the admin", async () => {
    const ws = await setup();
    const { requestId } = await requestPromotion(ws.lead, { promptId: ws.promptId, environmentId: ws.production, version: 2, comment: "Mine" });
    expect(await ws.counts([ws.lead, ws.lead2, ws.admin, ws.editor, ws.r1], "approvals")).toEqual([0, 1, 1, 0, 0]);
    expect(landingPath(ws.lead.role, await ws.waiting(ws.lead))).toBe("/prompts");
    expect(landingPath(ws.lead2.role, await ws.waiting(ws.lead2))).toBe("/approvals");

    await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: ws.production, version: 1, comment: "Editor's" });
    expect(await ws.counts([ws.lead, ws.lead2, ws.admin], "approvals")).toEqual([1, 2, 2]);

    await approvePromotion(ws.lead2, { requestId, reason: "" });
    expect(await ws.counts([ws.lead, ws.lead2, ws.admin], "approvals")).toEqual([1, 1, 1]);
  });
});

describe("review items waiting", () => {
  it("counts unrated items of a reviewer's live queues, one fewer after each first rating, none once archived", async () => {
    const ws = await setup();
    for (const name of ["Ana", "Ben", "Chen"]) await getDb().insert(generations).values({ workspaceId: ws.workspace.id, promptId: ws.promptId, version: 2, variables: { name }, output: `Hello ${name}`, modelId: "offline" });
    const { id: queueId } = await createQueue(ws.editor, {
      name: "Spot check",
      scheme: { type: "scale", min: 1, max: 5 },
      reviewersPerItem: 1,
      assigneeIds: [ws.r1.user.id, ws.r2.user.id],
      source: { type: "generation", promptId: ws.promptId },
    });
    expect(await ws.counts([ws.r1, ws.r2, ws.editor, ws.lead, ws.viewer], "review")).toEqual([3, 3, 0, 0, 0]);

    const [first, second] = (await loadRatingSession(ws.r1, queueId)).items;
    await rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 4 } });
    // One rating is all an item needs here, so it stops waiting for r2 too.
    expect(await ws.counts([ws.r1, ws.r2], "review")).toEqual([2, 2]);
    await rateItem(ws.r1, { itemId: first!.id, value: { type: "scale", value: 2 } });
    expect((await ws.waiting(ws.r1)).review).toBe(2);
    await rateItem(ws.r2, { itemId: second!.id, value: { type: "scale", value: 5 } });
    expect(await ws.counts([ws.r1, ws.r2], "review")).toEqual([1, 1]);

    await setQueueArchived(ws.editor, { queueId, archived: true });
    expect(await ws.counts([ws.r1, ws.r2], "review")).toEqual([0, 0]);
  });

  it("keeps an item waiting for a reviewer until they rate it or it has as many ratings as the queue asks for", async () => {
    const ws = await setup();
    for (const name of ["Ana", "Ben"]) await getDb().insert(generations).values({ workspaceId: ws.workspace.id, promptId: ws.promptId, version: 1, variables: { name }, output: `Hi ${name}`, modelId: "offline" });
    const { id: queueId } = await createQueue(ws.editor, {
      name: "Two each",
      scheme: { type: "thumbs" },
      reviewersPerItem: 2,
      assigneeIds: [ws.r1.user.id, ws.r2.user.id, ws.lead.user.id],
      source: { type: "generation", promptId: ws.promptId },
    });
    const [first, second] = (await loadRatingSession(ws.r1, queueId)).items;
    await rateItem(ws.r2, { itemId: first!.id, value: { type: "thumbs", up: true } });
    expect(await ws.counts([ws.r1, ws.r2, ws.lead], "review")).toEqual([2, 1, 2]);
    await rateItem(ws.lead, { itemId: first!.id, value: { type: "thumbs", up: false } });
    expect(await ws.counts([ws.r1, ws.r2, ws.lead], "review")).toEqual([1, 1, 1]);
    await rateItem(ws.r1, { itemId: second!.id, value: { type: "thumbs", up: true } });
    expect(await ws.counts([ws.r1, ws.r2, ws.lead], "review")).toEqual([0, 1, 1]);
  });
});

describe("landing page", () => {
  const none = { approvals: 0, review: 0 };
  it("sends reviewers to Review, leads and admins to Approvals while requests wait for them, everyone else to Prompts", async () => {
    const cases: [Role, typeof none, string][] = [
      ["reviewer", none, "/review"],
      ["reviewer", { approvals: 0, review: 4 }, "/review"],
      ["lead", { approvals: 2, review: 0 }, "/approvals"],
      ["admin", { approvals: 1, review: 0 }, "/approvals"],
      ["lead", { approvals: 0, review: 3 }, "/prompts"],
      ["editor", { approvals: 0, review: 3 }, "/prompts"],
      ["viewer", none, "/prompts"],
    ];
    for (const [role, waiting, path] of cases) expect([role, landingPath(role, waiting)]).toEqual([role, path]);
  });
});
