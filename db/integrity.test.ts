import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeWorkspace } from "@/lib/testing/factories";
import { BUSY_TIMEOUT_MS, getDb } from "./index";
import { generationFeedback, generations, prompts, promptVersions } from "./schema";

function makePrompt(type: "text" | "chat" = "text") {
  const { workspace, members } = makeWorkspace(["editor"]);
  const prompt = getDb()
    .insert(prompts)
    .values({ workspaceId: workspace.id, name: `p-${Math.random()}`, type, createdById: members[0]!.user.id })
    .returning()
    .get();
  return { prompt, authorId: members[0]!.user.id };
}

function addVersion(promptId: string, version: number, authorId: string) {
  return getDb()
    .insert(promptVersions)
    .values({ promptId, version, type: "text", template: `v${version} {{x}}`, commitMessage: `v${version}`, authorId })
    .returning()
    .get();
}

describe("database integrity", () => {
  it("keeps each generation's feedback count and mean, and refuses changing or deleting feedback", () => {
    const { prompt } = makePrompt();
    const db = getDb();
    const generation = db.insert(generations).values({ workspaceId: prompt.workspaceId, promptId: prompt.id, version: 1, variables: {}, output: "x" }).returning().get();
    expect(generation).toMatchObject({ feedbackCount: 0, feedbackScore: null });
    for (const score of [1, 0.5, 0]) db.insert(generationFeedback).values({ workspaceId: prompt.workspaceId, generationId: generation.id, score }).run();
    expect(db.select().from(generations).where(eq(generations.id, generation.id)).get()).toMatchObject({ feedbackCount: 3, feedbackScore: 0.5 });
    expect(() => db.update(generationFeedback).set({ score: 1 }).where(eq(generationFeedback.generationId, generation.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(generationFeedback).where(eq(generationFeedback.generationId, generation.id)).run()).toThrow(/append-only/);
  });

  it("opens SQLite in WAL mode with foreign keys and a short busy timeout (a lock is waited for asynchronously)", () => {
    const db = getDb();
    expect(db.get<{ journal_mode: string }>(sql`pragma journal_mode`)?.journal_mode).toBe("wal");
    expect(db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`)?.foreign_keys).toBe(1);
    expect(db.get<{ timeout: number }>(sql`pragma busy_timeout`)?.timeout).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(100);
  });

  it("refuses to update a prompt version", () => {
    const { prompt, authorId } = makePrompt();
    const v1 = addVersion(prompt.id, 1, authorId);
    expect(() => getDb().update(promptVersions).set({ template: "changed" }).where(eq(promptVersions.id, v1.id)).run()).toThrow(
      /immutable/,
    );
  });

  it("refuses to delete a prompt version", () => {
    const { prompt, authorId } = makePrompt();
    const v1 = addVersion(prompt.id, 1, authorId);
    expect(() => getDb().delete(promptVersions).where(eq(promptVersions.id, v1.id)).run()).toThrow(/immutable/);
  });

  it("refuses a duplicate version number for the same prompt", () => {
    const { prompt, authorId } = makePrompt();
    addVersion(prompt.id, 1, authorId);
    expect(() => addVersion(prompt.id, 1, authorId)).toThrow(/UNIQUE/);
  });

  it("refuses a version whose type differs from its prompt's", () => {
    const { prompt, authorId } = makePrompt("chat");
    expect(() => addVersion(prompt.id, 1, authorId)).toThrow(/type of its prompt/);
  });

  it("refuses changing a prompt's type after creation", () => {
    const { prompt } = makePrompt("text");
    expect(() => getDb().update(prompts).set({ type: "chat" }).where(eq(prompts.id, prompt.id)).run()).toThrow(/fixed at creation/);
  });

  it("refuses a chat version without messages", () => {
    const { prompt, authorId } = makePrompt("chat");
    expect(() =>
      getDb().insert(promptVersions).values({ promptId: prompt.id, version: 1, type: "chat", template: "x", commitMessage: "m", authorId }).run(),
    ).toThrow(/CHECK/);
  });

  it("refuses two prompts with the same name in one workspace", () => {
    const { prompt } = makePrompt();
    expect(() => getDb().insert(prompts).values({ workspaceId: prompt.workspaceId, name: prompt.name, type: "text" }).run()).toThrow(
      /UNIQUE/,
    );
  });
});
