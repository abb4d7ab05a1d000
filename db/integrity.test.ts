import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeWorkspace } from "@/lib/testing/factories";
import { first, only } from "./first";
import { BUSY_TIMEOUT_MS, getDb } from "./index";
import { rawRow } from "./raw";
import { auditLog, generationFeedback, generations, prompts, promptVersions } from "./schema";

async function makePrompt(type: "text" | "chat" = "text") {
  const { workspace, members } = await makeWorkspace(["editor"]);
  const prompt = await only(
    getDb()
      .insert(prompts)
      .values({ workspaceId: workspace.id, name: `p-${Math.random()}`, type, createdById: members[0]!.user.id })
      .returning(),
  );
  return { prompt, authorId: members[0]!.user.id };
}

async function addVersion(promptId: string, version: number, authorId: string) {
  return only(
    getDb()
      .insert(promptVersions)
      .values({ promptId, version, type: "text", template: `v${version} {{x}}`, commitMessage: `v${version}`, authorId })
      .returning(),
  );
}

describe("database integrity", () => {
  it("keeps each generation's feedback count and mean, and refuses changing or deleting feedback", async () => {
    const { prompt } = await makePrompt();
    const db = getDb();
    const generation = await only(db.insert(generations).values({ workspaceId: prompt.workspaceId, promptId: prompt.id, version: 1, variables: {}, output: "x" }).returning());
    expect(generation).toMatchObject({ feedbackCount: 0, feedbackScore: null });
    for (const score of [1, 0.5, 0]) await db.insert(generationFeedback).values({ workspaceId: prompt.workspaceId, generationId: generation.id, score });
    expect(await first(db.select().from(generations).where(eq(generations.id, generation.id)))).toMatchObject({ feedbackCount: 3, feedbackScore: 0.5 });
    await expect(db.update(generationFeedback).set({ score: 1 }).where(eq(generationFeedback.generationId, generation.id))).rejects.toThrow(/append-only/);
    await expect(db.delete(generationFeedback).where(eq(generationFeedback.generationId, generation.id))).rejects.toThrow(/append-only/);
  });

  it("keeps the audit log append-only: an entry can be neither changed nor deleted", async () => {
    const { workspace } = await makeWorkspace();
    const db = getDb();
    const entry = await only(db.insert(auditLog).values({ workspaceId: workspace.id, actorLabel: "x", action: "prompt.created", objectType: "prompt" }).returning());
    await expect(db.update(auditLog).set({ actorLabel: "someone else" }).where(eq(auditLog.id, entry.id))).rejects.toThrow(/append-only/);
    await expect(db.delete(auditLog).where(eq(auditLog.id, entry.id))).rejects.toThrow(/append-only/);
    expect(await first(db.select().from(auditLog).where(eq(auditLog.id, entry.id)))).toMatchObject({ actorLabel: "x" });
  });

  it("opens SQLite in WAL mode with foreign keys and a short busy timeout (a lock is waited for asynchronously)", async () => {
    const db = getDb();
    expect((await rawRow<{ journal_mode: string }>(db, sql`pragma journal_mode`))?.journal_mode).toBe("wal");
    expect((await rawRow<{ foreign_keys: number }>(db, sql`pragma foreign_keys`))?.foreign_keys).toBe(1);
    expect((await rawRow<{ timeout: number }>(db, sql`pragma busy_timeout`))?.timeout).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(100);
  });

  it("refuses to update a prompt version", async () => {
    const { prompt, authorId } = await makePrompt();
    const v1 = await addVersion(prompt.id, 1, authorId);
    await expect(getDb().update(promptVersions).set({ template: "changed" }).where(eq(promptVersions.id, v1.id))).rejects.toThrow(/immutable/);
  });

  it("refuses to delete a prompt version", async () => {
    const { prompt, authorId } = await makePrompt();
    const v1 = await addVersion(prompt.id, 1, authorId);
    await expect(getDb().delete(promptVersions).where(eq(promptVersions.id, v1.id))).rejects.toThrow(/immutable/);
  });

  it("refuses a duplicate version number for the same prompt", async () => {
    const { prompt, authorId } = await makePrompt();
    await addVersion(prompt.id, 1, authorId);
    await expect(addVersion(prompt.id, 1, authorId)).rejects.toThrow(/UNIQUE/);
  });

  it("refuses a version whose type differs from its prompt's", async () => {
    const { prompt, authorId } = await makePrompt("chat");
    await expect(addVersion(prompt.id, 1, authorId)).rejects.toThrow(/type of its prompt/);
  });

  it("refuses changing a prompt's type after creation", async () => {
    const { prompt } = await makePrompt("text");
    await expect(getDb().update(prompts).set({ type: "chat" }).where(eq(prompts.id, prompt.id))).rejects.toThrow(/fixed at creation/);
  });

  it("refuses a chat version without messages", async () => {
    const { prompt, authorId } = await makePrompt("chat");
    await expect(
      getDb().insert(promptVersions).values({ promptId: prompt.id, version: 1, type: "chat", template: "x", commitMessage: "m", authorId }),
    ).rejects.toThrow(/CHECK/);
  });

  it("refuses two prompts with the same name in one workspace", async () => {
    const { prompt } = await makePrompt();
    await expect(getDb().insert(prompts).values({ workspaceId: prompt.workspaceId, name: prompt.name, type: "text" })).rejects.toThrow(/UNIQUE/);
  });
});
