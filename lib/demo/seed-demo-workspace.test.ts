// The Demo workspace is written through the features' manage modules (lib/demo/README.md): what is stored must read
// like a real team's history, with each row's audit entry acting as the member who made it.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, datasetCases, datasets, evalRuns, feedbackTags, optimizationCandidates, optimizationRuns, prompts, promptVersions, users, workspaces } from "@/db/schema";
import { CORPUS, CORPUS_VERSION } from "@/lib/core/redteam";
import { listLatestRedTeamRuns } from "@/lib/evals/server";
import { DEMO_EMAILS, seedDemoWorkspace } from "./seed-demo-workspace";

let workspaceId: string;
let editorId: string;

beforeAll(async () => {
  const db = getDb();
  expect(await seedDemoWorkspace(db)).toEqual({ seeded: true });
  workspaceId = (await first(db.select().from(workspaces).where(eq(workspaces.slug, "demo"))))!.id;
  editorId = (await first(db.select().from(users).where(eq(users.email, "editor@example.com"))))!.id;
}, 120_000);

const auditOf = (action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));

describe("the Demo workspace's seed", () => {
  it("creates every demo prompt and its first version as the editor, each with the registry's audit entries", async () => {
    const db = getDb();
    const rows = await db.select().from(prompts).where(eq(prompts.workspaceId, workspaceId));
    expect(rows.map((p) => p.name).sort()).toEqual(["marketing/tagline", "summarise-call", "support/ticket-triage", "support/triage"]);
    for (const prompt of rows) {
      expect(prompt.createdById).toBe(editorId);
      const v1 = (await first(db.select().from(promptVersions).where(and(eq(promptVersions.promptId, prompt.id), eq(promptVersions.version, 1)))))!;
      expect(v1.authorId).toBe(editorId);
      expect(v1.parentVersion).toBeNull();
    }
    const created = await auditOf("prompt.created");
    expect(created.map((a) => a.objectId).sort()).toEqual(rows.map((p) => p.id).sort());
    expect(created.every((a) => a.actorUserId === editorId && a.actorLabel === "editor@example.com")).toBe(true);
    expect((await auditOf("prompt.version_saved")).filter((a) => (a.after as { version: number }).version === 1)).toHaveLength(4);
  });

  it("creates its datasets and their cases through the datasets module, audited as the editor", async () => {
    const db = getDb();
    const names = await db.select().from(datasets).where(eq(datasets.workspaceId, workspaceId));
    expect(names.map((d) => d.name).sort()).toEqual(["red-team support-triage v2", "support-tickets", "tagline-smoke", "triage-smoke"]);
    for (const dataset of names) {
      expect(dataset.createdById).toBe(editorId);
      const positions = await db.select({ position: datasetCases.position }).from(datasetCases).where(eq(datasetCases.datasetId, dataset.id));
      expect(positions.map((p) => p.position)).toEqual(positions.map((_, i) => i + 1));
    }
    expect((await auditOf("dataset.created")).map((a) => (a.after as { name: string }).name).sort()).toEqual(["red-team support-triage v2", "support-tickets", "tagline-smoke", "triage-smoke"]);
  });

  it("generates a red-team dataset of support/triage and runs it on the offline model, so the dashboard card has a rate", async () => {
    const db = getDb();
    const dataset = (await first(db.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, "red-team support-triage v2")))))!;
    expect(dataset.redTeam).toMatchObject({ version: 2, corpusVersion: CORPUS_VERSION, paraphrased: false });
    const runs = await db.select().from(evalRuns).where(eq(evalRuns.datasetId, dataset.id));
    expect(runs.map((r) => r.status)).toEqual(["completed"]);
    const [latest] = await listLatestRedTeamRuns({ kind: "user", workspaceId, user: { id: editorId, email: "editor@example.com", name: "Eddie Editor" }, role: "editor" });
    expect(latest).toMatchObject({ promptName: "support/triage", version: 2, runId: runs[0]!.id });
    expect(latest!.success.scored).toBe(CORPUS.length);
    expect(latest!.success.rate).not.toBeNull();
  });

  it("runs one optimization to the end, for real, with a held-out verdict to show", async () => {
    const db = getDb();
    const runs = await db.select().from(optimizationRuns).where(eq(optimizationRuns.workspaceId, workspaceId));
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    const prompt = (await first(db.select().from(prompts).where(eq(prompts.id, run.promptId))))!;
    const dataset = (await first(db.select().from(datasets).where(eq(datasets.id, run.datasetId))))!;
    expect([prompt.name, dataset.name]).toEqual(["support/ticket-triage", "support-tickets"]);
    const v1 = (await first(db.select().from(promptVersions).where(and(eq(promptVersions.promptId, prompt.id), eq(promptVersions.version, 1)))))!;
    expect(v1.template).toBe("Classify this ticket:\n{{ticket}}");
    expect(v1.modelConfig.model).toBe("offline:ticket-triage");
    expect(await db.select({ id: datasetCases.id }).from(datasetCases).where(eq(datasetCases.datasetId, dataset.id))).toHaveLength(120);

    expect(run).toMatchObject({ status: "completed", strategy: "both", createdById: editorId, baseVersion: 1, savedVersion: null });
    const { heldOut, bestKey, baselineKey } = run.outcome!;
    expect(heldOut.verdict).toBe("better");
    expect(heldOut.best).toBeGreaterThan(heldOut.baseline);
    expect(bestKey).not.toBe(baselineKey);
    // The leaderboard a newcomer opens: the baseline and both kinds of candidate, each scored by a completed eval run.
    const candidates = await db.select().from(optimizationCandidates).where(eq(optimizationCandidates.runId, run.id));
    expect(new Set(candidates.map((c) => c.origin))).toEqual(new Set(["baseline", "few-shot", "instruction"]));
    expect(candidates.map((c) => c.key)).toEqual(expect.arrayContaining([bestKey, baselineKey]));
    const searchRuns = candidates.map((c) => c.searchEvalRunId);
    expect(searchRuns.every((id) => id !== null)).toBe(true);
    expect(candidates.every((c) => c.validationScore !== null && c.trainScore !== null)).toBe(true);
    const scoredBy = await db.select().from(evalRuns).where(inArray(evalRuns.id, searchRuns as string[]));
    expect(scoredBy.map((r) => [r.status, r.source])).toEqual(searchRuns.map(() => ["completed", "optimizer"]));
    expect(candidates.filter((c) => c.heldOutScore !== null).map((c) => c.key).sort()).toEqual([bestKey, baselineKey].sort());
    expect(await auditOf("optimization.started")).toHaveLength(1);
  });

  it("creates the feedback tags through the review module, each audited", async () => {
    const tags = await getDb().select().from(feedbackTags).where(eq(feedbackTags.workspaceId, workspaceId));
    expect(tags.map((t) => t.name).sort()).toEqual(["hallucination", "off-tone", "unsafe", "wrong category"]);
    expect(await auditOf("review.tag.created")).toHaveLength(4);
  });

  it("seeds nothing on a database that already has users", async () => {
    expect(await seedDemoWorkspace(getDb())).toEqual({ seeded: false });
    expect((await getDb().select().from(users)).map((u) => u.email).sort()).toEqual([...DEMO_EMAILS].sort());
    expect(await getDb().select({ id: optimizationRuns.id }).from(optimizationRuns)).toHaveLength(1);
  });
});
