import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { exportPromptFile, exportWorkspace } from "@/lib/portable/export-prompts";
import { parsePromptFiles } from "@/lib/portable/import-prompts";
import { makeWorkspace } from "@/lib/testing/factories";
import { importPrompts } from "./import-prompts";
import { createPrompt, saveVersion } from "./manage-prompts";
import { findPromptByName, listVersions } from "./queries";
import { loadPortablePrompt, loadPortableWorkspace } from "./to-portable";

function workspaceWithChatPrompt() {
  const ctx = makeWorkspace(["editor"]).members[0]!.ctx;
  const { id } = createPrompt(ctx, { name: "support/triage", type: "chat", description: "Triage", tags: ["support"] });
  const messages = (n: number) => [
    { role: "system" as const, content: `You triage tickets, revision ${n}.\nBe brief.` },
    { role: "user" as const, content: "{{ticket}}" },
  ];
  for (let n = 1; n <= 3; n++) {
    saveVersion(ctx, { promptId: id, body: { type: "chat", messages: messages(n) }, modelConfig: { temperature: n / 10 }, commitMessage: `rev ${n}`, expectedParentVersion: n === 1 ? null : n - 1 });
  }
  return ctx;
}

function parsed(files: ReturnType<typeof exportWorkspace>) {
  const result = parsePromptFiles(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.prompts;
}

describe("import and export", () => {
  it("round-trips a prompt with three versions exactly into another workspace", () => {
    const source = workspaceWithChatPrompt();
    const target = makeWorkspace(["editor"]).members[0]!.ctx;
    const exported = loadPortablePrompt({ workspaceId: source.workspaceId, name: "support/triage", scope: "all" })!;
    const file = exportPromptFile(exported);
    expect(file.path).toBe("prompts/support/triage.yaml");
    expect(importPrompts(target, parsed([file]))).toEqual({ created: ["support/triage"], updated: [], unchanged: [] });
    const reimported = loadPortablePrompt({ workspaceId: target.workspaceId, name: "support/triage", scope: "all" })!;
    // Authors are members of the source workspace only, so they come back as unknown; all else is identical.
    expect(reimported).toEqual({ ...exported, versions: exported.versions.map((v) => ({ ...v, author: null })) });
    expect(exportPromptFile(reimported).content).toBe(exportPromptFile({ ...exported, versions: reimported.versions }).content);
  });

  it("is idempotent and fast-forwards a prompt that gained versions", () => {
    const ctx = workspaceWithChatPrompt();
    const files = exportWorkspace(loadPortableWorkspace({ workspaceId: ctx.workspaceId, scope: "all" }));
    expect(importPrompts(ctx, parsed(files))).toEqual({ created: [], updated: [], unchanged: ["support/triage"] });

    const other = makeWorkspace(["editor"]).members[0]!.ctx;
    const older = parsed(files)[0]!;
    importPrompts(other, [{ ...older, versions: older.versions.slice(0, 2) }]);
    expect(importPrompts(other, parsed(files))).toEqual({ created: [], updated: [{ name: "support/triage", added: [3] }], unchanged: [] });
  });

  it("refuses, writing nothing, when a version differs from the one already here", () => {
    const ctx = workspaceWithChatPrompt();
    const prompt = parsed(exportWorkspace(loadPortableWorkspace({ workspaceId: ctx.workspaceId, scope: "all" })))[0]!;
    const tampered = { ...prompt, versions: prompt.versions.map((v) => (v.version === 2 ? { ...v, messages: [{ role: "user" as const, content: "changed" }] } : v)) };
    const fresh = { ...prompt, name: "brand/new" };
    try {
      importPrompts(ctx, [fresh, tampered]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual({
        errors: [{ file: "prompts/support/triage.yaml", field: "versions[1]", message: "v2 differs from v2 here; versions are immutable." }],
      });
    }
    expect(loadPortablePrompt({ workspaceId: ctx.workspaceId, name: "brand/new", scope: "all" })).toBeNull();
  });

  it("keeps each version's original time and numbering", () => {
    const ctx = workspaceWithChatPrompt();
    const prompt = loadPortablePrompt({ workspaceId: ctx.workspaceId, name: "support/triage", scope: "latest" })!;
    const target = makeWorkspace(["editor"]).members[0]!.ctx;
    importPrompts(target, [prompt]);
    const imported = findPromptByName(getDb(), { workspaceId: target.workspaceId, name: "support/triage" })!;
    const [only, ...rest] = listVersions({ promptId: imported.id });
    expect(rest).toEqual([]);
    expect(only!.version.version).toBe(3);
    expect(only!.version.createdAt.toISOString()).toBe(prompt.versions[0]!.createdAt);
  });
});
