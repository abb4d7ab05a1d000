import { thrown } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { eq } from "drizzle-orm";
import { createPrompt, renamePrompt, restoreVersion, saveVersion, setPromptArchived } from "./manage-prompts";
import { findPromptByName, listPrompts, listVersions } from "./queries";

function editorWorkspace() {
  return makeWorkspace(["editor"]).members[0]!.ctx;
}

const text = (template: string) => ({ type: "text" as const, template });


describe("prompt versions", () => {
  it("numbers versions 1, 2, 3 with their parent and message, and lists the latest", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "support/triage", type: "text", description: "", tags: ["support"] });
    expect(saveVersion(ctx, { promptId: id, body: text("Hi {{name}}"), modelConfig: {}, commitMessage: "first", expectedParentVersion: null })).toEqual({
      created: true,
      version: 1,
    });
    saveVersion(ctx, { promptId: id, body: text("Hello {{name}}"), modelConfig: { temperature: 0.2 }, commitMessage: "second", expectedParentVersion: 1 });
    const versions = listVersions({ promptId: id });
    expect(versions.map((v) => [v.version.version, v.version.parentVersion, v.version.commitMessage])).toEqual([
      [2, 1, "second"],
      [1, null, "first"],
    ]);
    expect(listPrompts({ workspaceId: ctx.workspaceId }).rows[0]).toMatchObject({ name: "support/triage", latestVersion: 2 });
  });

  it("creates nothing when the content equals the latest, whatever the settings' key order", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "same", type: "text", description: "", tags: [] });
    saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: { temperature: 1, topP: 0.5 }, commitMessage: "a", expectedParentVersion: null });
    const again = saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: { topP: 0.5, temperature: 1 }, commitMessage: "b", expectedParentVersion: 1 });
    expect(again).toEqual({ created: false, version: 1 });
    expect(listVersions({ promptId: id })).toHaveLength(1);
  });

  it("refuses a save based on a stale version and hands back the newer one", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "busy", type: "text", description: "", tags: [] });
    saveVersion(ctx, { promptId: id, body: text("v1"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    saveVersion(ctx, { promptId: id, body: text("theirs"), modelConfig: {}, commitMessage: "theirs", expectedParentVersion: 1 });
    const error = thrown(() => saveVersion(ctx, { promptId: id, body: text("mine"), modelConfig: {}, commitMessage: "mine", expectedParentVersion: 1 }));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ latest: { version: 2, commitMessage: "theirs", content: { template: "theirs" } } });
    expect(listVersions({ promptId: id })).toHaveLength(2);
  });

  it("refuses a template with a syntax error, naming line and column", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "broken", type: "text", description: "", tags: [] });
    const error = thrown(() => saveVersion(ctx, { promptId: id, body: text("ok\n{{#open}} never closed"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/line 2/);
  });

  it("refuses an invalid JSON Schema in the response format", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "json", type: "text", description: "", tags: [] });
    const error = thrown(() =>
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

  it("refuses, on save, a JSON Schema pattern that RE2 cannot run, in the response format and in tool parameters", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "json-patterns", type: "text", description: "", tags: [] });
    const save = (modelConfig: Record<string, unknown>) => () => saveVersion(ctx, { promptId: id, body: text("x"), modelConfig, commitMessage: "x", expectedParentVersion: null });
    const schema = { type: "object", properties: { sku: { type: "string", pattern: "^(\\w)\\1$" } } };
    expect(thrown(save({ responseFormat: { type: "json", schema } })).message).toMatch(/^The response format schema has a pattern that cannot be used: properties\.sku\.pattern: Backreferences/);
    const tools = [{ name: "lookup", parameters: { type: "object", patternProperties: { "^(?=x)": {} } } }];
    expect(thrown(save({ tools })).message).toMatch(/^The parameters of tool "lookup" has a pattern that cannot be used: .*Lookahead/);
  });

  it("refuses a body of the other type", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "chatty", type: "chat", description: "", tags: [] });
    expect(thrown(() => saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null })).message).toMatch(
      /chat prompt/,
    );
  });

  it("restores an old version as a new one", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "restore-me", type: "text", description: "", tags: [] });
    saveVersion(ctx, { promptId: id, body: text("one"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    saveVersion(ctx, { promptId: id, body: text("two"), modelConfig: {}, commitMessage: "2", expectedParentVersion: 1 });
    expect(restoreVersion(ctx, { promptId: id, version: 1, expectedParentVersion: 2 })).toEqual({ created: true, version: 3 });
    const [v3] = listVersions({ promptId: id });
    expect(v3!.version).toMatchObject({ template: "one", commitMessage: "Restore v1", parentVersion: 2 });
  });

  it("answers 404 for another workspace's prompt", () => {
    const mine = editorWorkspace();
    const theirs = editorWorkspace();
    const { id } = createPrompt(theirs, { name: "secret", type: "text", description: "", tags: [] });
    expect(thrown(() => saveVersion(mine, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "x", expectedParentVersion: null })).status).toBe(404);
    expect(thrown(() => renamePrompt(mine, { promptId: id, name: "stolen" })).status).toBe(404);
  });
});

describe("prompt lifecycle", () => {
  it("renames keeping history, refuses a taken name, archives and unarchives, auditing each", () => {
    const ctx = editorWorkspace();
    const { id } = createPrompt(ctx, { name: "old-name", type: "text", description: "", tags: [] });
    createPrompt(ctx, { name: "taken", type: "text", description: "", tags: [] });
    saveVersion(ctx, { promptId: id, body: text("x"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    expect(thrown(() => renamePrompt(ctx, { promptId: id, name: "taken" })).status).toBe(409);
    renamePrompt(ctx, { promptId: id, name: "folder/new-name" });
    expect(findPromptByName(getDb(), { workspaceId: ctx.workspaceId, name: "folder/new-name" })?.id).toBe(id);
    expect(listVersions({ promptId: id })).toHaveLength(1);
    setPromptArchived(ctx, { promptId: id, archived: true });
    expect(listPrompts({ workspaceId: ctx.workspaceId }).rows.map((r) => r.name)).toEqual(["taken"]);
    expect(listPrompts({ workspaceId: ctx.workspaceId, archived: true }).rows.map((r) => r.name)).toEqual(["folder/new-name"]);
    const actions = getDb().select().from(auditLog).where(eq(auditLog.objectId, id)).all().map((a) => a.action);
    expect(actions).toEqual(["prompt.created", "prompt.version_saved", "prompt.renamed", "prompt.archived"]);
  });

  it("searches names, descriptions, tags and the latest template, and filters by folder and tag", () => {
    const ctx = editorWorkspace();
    const a = createPrompt(ctx, { name: "support/refunds", type: "text", description: "Money back", tags: ["billing"] });
    createPrompt(ctx, { name: "sales/pitch", type: "text", description: "", tags: ["sales"] });
    saveVersion(ctx, { promptId: a.id, body: text("Explain the 100% refund_policy"), modelConfig: {}, commitMessage: "1", expectedParentVersion: null });
    const names = (filter: Parameters<typeof listPrompts>[0]) => listPrompts(filter).rows.map((r) => r.name);
    const ws = { workspaceId: ctx.workspaceId };
    expect(names({ ...ws, search: "money" })).toEqual(["support/refunds"]);
    expect(names({ ...ws, search: "billing" })).toEqual(["support/refunds"]);
    expect(names({ ...ws, search: "100%" })).toEqual(["support/refunds"]);
    expect(names({ ...ws, search: "refund_" })).toEqual(["support/refunds"]);
    expect(names({ ...ws, search: "_" })).toEqual(["support/refunds"]);
    expect(names({ ...ws, folder: "sales" })).toEqual(["sales/pitch"]);
    expect(names({ ...ws, tag: "billing" })).toEqual(["support/refunds"]);
  });
});
