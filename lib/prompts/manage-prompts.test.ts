import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { makeWorkspace } from "@/lib/testing/factories";
import { eq } from "drizzle-orm";
import { createPrompt, renamePrompt, restoreVersion, saveVersion, setPromptArchived } from "./manage-prompts";
import { findPromptByName, listPrompts, listVersions } from "./queries";

async function editorWorkspace() {
  return (await makeWorkspace(["editor"])).members[0]!.ctx;
}

const text = (template: string) => ({ type: "text" as const, template });


describe("prompt versions", () => {
  it("numbers versions 1, 2, 3 with their parent and message, and lists the latest", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "support/triage", type: "text", description: "", tags: ["support"] });
    expect(await saveVersion(ctx, { promptId: id, body: text("Hi {{name}}"), modelConfig: {}, commitMessage: "first", expectedParentVersion: null })).toEqual({
      created: true,
      version: 1,
    });
    await saveVersion(ctx, { promptId: id, body: text("Hello {{name}}"), modelConfig: { temperature: 0.2 }, commitMessage: "second", expectedParentVersion: 1 });
    const versions = await listVersions({ promptId: id });
    expect(versions.map((v) => [v.version.version, v.version.parentVersion, v.version.commitMessage])).toEqual([
      [2, 1, "second"],
      [1, null, "first"],
    ]);
    expect((await listPrompts({ workspaceId: ctx.workspaceId })).rows[0]).toMatchObject({ name: "support/triage", latestVersion: 2 });
  });

  it("creates nothing when the content equals the latest, whatever the settings' key order", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "same", type: "text", description: "", tags: [] });
    await saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: { temperature: 1, topP: 0.5 }, commitMessage: "a", expectedParentVersion: null });
    const again = await saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: { topP: 0.5, temperature: 1 }, commitMessage: "b", expectedParentVersion: 1 });
    expect(again).toEqual({ created: false, version: 1 });
    expect(await listVersions({ promptId: id })).toHaveLength(1);
  });

  it("refuses a save based on a stale version and hands back the newer one", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "busy", type: "text", description: "", tags: [] });
    await saveVersion(ctx, { promptId: id, body: text("v1"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    await saveVersion(ctx, { promptId: id, body: text("theirs"), modelConfig: {}, commitMessage: "theirs", expectedParentVersion: 1 });
    const error = await failure(saveVersion(ctx, { promptId: id, body: text("mine"), modelConfig: {}, commitMessage: "mine", expectedParentVersion: 1 }));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ latest: { version: 2, commitMessage: "theirs", content: { template: "theirs" } } });
    expect(await listVersions({ promptId: id })).toHaveLength(2);
  });

  it("refuses a template with a syntax error, naming line and column", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "broken", type: "text", description: "", tags: [] });
    const error = await failure(saveVersion(ctx, { promptId: id, body: text("ok\n{{#open}} never closed"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/line 2/);
  });

  it("refuses an invalid JSON Schema in the response format", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "json", type: "text", description: "", tags: [] });
    const error = await failure(
      saveVersion(ctx, {
        promptId: id,
        body: text("x"),
        modelConfig: { responseFormat: { type: "json", schema: { type: "not-a-type" } } },
        commitMessage: "x",
        expectedParentVersion: null,
      }),
    );
    expect(error.message).toMatch(/not a valid JSON Schema/);
  });

  it("refuses, on save, a JSON Schema pattern that RE2 cannot run, in the response format and in tool parameters", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "json-patterns", type: "text", description: "", tags: [] });
    const save = (modelConfig: Record<string, unknown>) => saveVersion(ctx, { promptId: id, body: text("x"), modelConfig, commitMessage: "x", expectedParentVersion: null });
    const schema = { type: "object", properties: { sku: { type: "string", pattern: "^(\\w)\\1$" } } };
    expect((await failure(save({ responseFormat: { type: "json", schema } }))).message).toMatch(/^The response format schema has a pattern that cannot be used: properties\.sku\.pattern: Backreferences/);
    const tools = [{ name: "lookup", parameters: { type: "object", patternProperties: { "^(?=x)": {} } } }];
    expect((await failure(save({ tools }))).message).toMatch(/^The parameters of tool "lookup" has a pattern that cannot be used: .*Lookahead/);
  });

  it("refuses a body of the other type", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "chatty", type: "chat", description: "", tags: [] });
    expect((await failure(saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null }))).message).toMatch(
      /chat prompt/,
    );
  });

  it("restores an old version as a new one", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "restore-me", type: "text", description: "", tags: [] });
    await saveVersion(ctx, { promptId: id, body: text("one"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    await saveVersion(ctx, { promptId: id, body: text("two"), modelConfig: {}, commitMessage: "2", expectedParentVersion: 1 });
    expect(await restoreVersion(ctx, { promptId: id, version: 1, expectedParentVersion: 2 })).toEqual({ created: true, version: 3 });
    const [v3] = await listVersions({ promptId: id });
    expect(v3!.version).toMatchObject({ template: "one", commitMessage: "Restore v1", parentVersion: 2 });
  });

  it("lets one of 50 concurrent saves on the same parent win and refuses the others with the winner", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "contended", type: "text", description: "", tags: [] });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) => saveVersion(ctx, { promptId: id, body: text(`draft ${n}`), modelConfig: {}, commitMessage: `save ${n}`, expectedParentVersion: null })),
    );
    const saved = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(saved).toEqual([{ created: true, version: 1 }]);
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as AppError] : []));
    expect(refused).toHaveLength(49);
    for (const error of refused) expect([error.code, (error.details as { latest: { version: number } }).latest.version]).toEqual(["conflict:prompt", 1]);
    expect(await listVersions({ promptId: id })).toHaveLength(1);
  });

  it("numbers 50 concurrent saves 1 to 50, each on the one before, when every refused save rebases and saves again", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "busy-team", type: "text", description: "", tags: [] });
    const saveRebasing = async (n: number) => {
      let parent: number | null = null;
      for (;;) {
        try {
          return await saveVersion(ctx, { promptId: id, body: text(`draft ${n}`), modelConfig: {}, commitMessage: `save ${n}`, expectedParentVersion: parent });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "conflict:prompt") throw error;
          parent = (error.details as { latest: { version: number } }).latest.version;
        }
      }
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => saveRebasing(n)));
    const numbers = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(numbers);
    const versions = (await listVersions({ promptId: id })).map((v) => [v.version.version, v.version.parentVersion]);
    expect(versions).toEqual(numbers.reverse().map((n) => [n, n === 1 ? null : n - 1]));
    const audited = await getDb().select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audited.filter((a) => a.action === "prompt.version_saved")).toHaveLength(50);
  });

  it("answers 404 for another workspace's prompt", async () => {
    const mine = await editorWorkspace();
    const theirs = await editorWorkspace();
    const { id } = await createPrompt(theirs, { name: "secret", type: "text", description: "", tags: [] });
    expect((await failure(saveVersion(mine, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null }))).status).toBe(404);
    expect((await failure(renamePrompt(mine, { promptId: id, name: "stolen" }))).status).toBe(404);
  });
});

describe("prompt lifecycle", () => {
  it("renames keeping history, refuses a taken name, archives and unarchives, auditing each", async () => {
    const ctx = await editorWorkspace();
    const { id } = await createPrompt(ctx, { name: "old-name", type: "text", description: "", tags: [] });
    await createPrompt(ctx, { name: "taken", type: "text", description: "", tags: [] });
    await saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    expect((await failure(renamePrompt(ctx, { promptId: id, name: "taken" }))).status).toBe(409);
    await renamePrompt(ctx, { promptId: id, name: "folder/new-name" });
    expect((await findPromptByName(getDb(), { workspaceId: ctx.workspaceId, name: "folder/new-name" }))?.id).toBe(id);
    expect(await listVersions({ promptId: id })).toHaveLength(1);
    await setPromptArchived(ctx, { promptId: id, archived: true });
    expect((await listPrompts({ workspaceId: ctx.workspaceId })).rows.map((r) => r.name)).toEqual(["taken"]);
    expect((await listPrompts({ workspaceId: ctx.workspaceId, archived: true })).rows.map((r) => r.name)).toEqual(["folder/new-name"]);
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.objectId, id))).map((a) => a.action);
    expect(actions).toEqual(["prompt.created", "prompt.version_saved", "prompt.renamed", "prompt.archived"]);
  });

  it("searches names, descriptions, tags and the latest template, and filters by folder and tag", async () => {
    const ctx = await editorWorkspace();
    const a = await createPrompt(ctx, { name: "support/refunds", type: "text", description: "Money back", tags: ["billing"] });
    await createPrompt(ctx, { name: "sales/pitch", type: "text", description: "", tags: ["sales"] });
    await saveVersion(ctx, { promptId: a.id, body: text("Explain the 100% refund_policy"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    const names = async (filter: Parameters<typeof listPrompts>[0]) => (await listPrompts(filter)).rows.map((r) => r.name);
    const ws = { workspaceId: ctx.workspaceId };
    expect(await names({ ...ws, search: "money" })).toEqual(["support/refunds"]);
    expect(await names({ ...ws, search: "billing" })).toEqual(["support/refunds"]);
    expect(await names({ ...ws, search: "100%" })).toEqual(["support/refunds"]);
    expect(await names({ ...ws, search: "refund_" })).toEqual(["support/refunds"]);
    expect(await names({ ...ws, search: "_" })).toEqual(["support/refunds"]);
    expect(await names({ ...ws, folder: "sales" })).toEqual(["sales/pitch"]);
    expect(await names({ ...ws, tag: "billing" })).toEqual(["support/refunds"]);
  });
});
