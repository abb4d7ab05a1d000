// The Demo workspace is written through the features' manage modules (lib/demo/README.md): what is stored must read
// like a real team's history, with each row's audit entry acting as the member who made it.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, datasetCases, datasets, feedbackTags, prompts, promptVersions, users, workspaces } from "@/db/schema";
import { DEMO_EMAILS, seedDemoWorkspace } from "./seed-demo-workspace";

let workspaceId: string;
let editorId: string;

beforeAll(async () => {
  const db = getDb();
  expect(await seedDemoWorkspace(db)).toEqual({ seeded: true });
  workspaceId = db.select().from(workspaces).where(eq(workspaces.slug, "demo")).get()!.id;
  editorId = db.select().from(users).where(eq(users.email, "editor@example.com")).get()!.id;
}, 120_000);

const auditOf = (action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)))
    .all();

describe("the Demo workspace's seed", () => {
  it("creates every demo prompt and its first version as the editor, each with the registry's audit entries", () => {
    const db = getDb();
    const rows = db.select().from(prompts).where(eq(prompts.workspaceId, workspaceId)).all();
    expect(rows.map((p) => p.name).sort()).toEqual(["marketing/tagline", "summarise-call", "support/triage"]);
    for (const prompt of rows) {
      expect(prompt.createdById).toBe(editorId);
      const first = db.select().from(promptVersions).where(and(eq(promptVersions.promptId, prompt.id), eq(promptVersions.version, 1))).get()!;
      expect(first.authorId).toBe(editorId);
      expect(first.parentVersion).toBeNull();
    }
    const created = auditOf("prompt.created");
    expect(created.map((a) => a.objectId).sort()).toEqual(rows.map((p) => p.id).sort());
    expect(created.every((a) => a.actorUserId === editorId && a.actorLabel === "editor@example.com")).toBe(true);
    expect(auditOf("prompt.version_saved").filter((a) => (a.after as { version: number }).version === 1)).toHaveLength(3);
  });

  it("creates its datasets and their cases through the datasets module, audited as the editor", () => {
    const db = getDb();
    const names = db.select().from(datasets).where(eq(datasets.workspaceId, workspaceId)).all();
    expect(names.map((d) => d.name).sort()).toEqual(["tagline-smoke", "triage-smoke"]);
    for (const dataset of names) {
      expect(dataset.createdById).toBe(editorId);
      const positions = db.select({ position: datasetCases.position }).from(datasetCases).where(eq(datasetCases.datasetId, dataset.id)).all();
      expect(positions.map((p) => p.position)).toEqual(positions.map((_, i) => i + 1));
    }
    expect(auditOf("dataset.created").map((a) => (a.after as { name: string }).name).sort()).toEqual(["tagline-smoke", "triage-smoke"]);
  });

  it("creates the feedback tags through the review module, each audited", () => {
    const tags = getDb().select().from(feedbackTags).where(eq(feedbackTags.workspaceId, workspaceId)).all();
    expect(tags.map((t) => t.name).sort()).toEqual(["hallucination", "off-tone", "unsafe", "wrong category"]);
    expect(auditOf("review.tag.created")).toHaveLength(4);
  });

  it("seeds nothing on a database that already has users", async () => {
    expect(await seedDemoWorkspace(getDb())).toEqual({ seeded: false });
    expect(getDb().select().from(users).all().map((u) => u.email).sort()).toEqual([...DEMO_EMAILS].sort());
  });
});
