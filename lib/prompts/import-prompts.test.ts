import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { AppError } from "@/lib/core/errors";
import { failure } from "@/lib/testing/app-error";
import { exportPromptFile, exportWorkspace } from "@/lib/prompts/portable/export-prompts";
import { parsePromptFiles } from "@/lib/prompts/portable/import-prompts";
import { makeWorkspace } from "@/lib/testing/factories";
import { importPrompts } from "./import-prompts";
import { createPrompt, saveVersion } from "./manage-prompts";
import { findPromptByName, listVersions } from "./queries";
import { loadPortablePrompt, loadPortableWorkspace } from "./to-portable";

async function workspaceWithChatPrompt() {
  const ctx = (await makeWorkspace(["editor"])).members[0]!.ctx;
  const { id } = await createPrompt(ctx, { name: "support/triage", type: "chat", description: "Triage", tags: ["support"] });
  const messages = (n: number) => [
    { role: "system" as const, content: `You triage tickets, revision ${n}.\nBe brief.` },
    { role: "user" as const, content: "{{ticket}}" },
  ];
  for (let n = 1; n <= 3; n++) {
    await saveVersion(ctx, { promptId: id, body: { type: "chat", messages: messages(n) }, modelConfig: { temperature: n / 10 }, commitMessage: `rev ${n}`, expectedParentVersion: n === 1 ? null : n - 1 });
  }
  return ctx;
}

function parsed(files: ReturnType<typeof exportWorkspace>) {
  const result = parsePromptFiles(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.prompts;
}

describe("import and export", () => {
  it("round-trips a prompt with three versions into another workspace: content and numbering exact, the importer its author", async () => {
    const source = await workspaceWithChatPrompt();
    const target = (await makeWorkspace(["editor"])).members[0]!.ctx;
    const exported = (await loadPortablePrompt({ workspaceId: source.workspaceId, name: "support/triage", scope: "all" }))!;
    const file = exportPromptFile(exported);
    expect(file.path).toBe("prompts/support/triage.yaml");
    expect(await importPrompts(target, parsed([file]))).toEqual({ created: ["support/triage"], updated: [], unchanged: [] });
    const reimported = (await loadPortablePrompt({ workspaceId: target.workspaceId, name: "support/triage", scope: "all" }))!;
    // Each version is the importer's, made at import time; everything else is identical.
    expect(reimported).toEqual({ ...exported, versions: exported.versions.map((v, i) => ({ ...v, author: target.user.email, createdAt: reimported.versions[i]!.createdAt })) });
    expect(exportPromptFile(reimported).content).toBe(exportPromptFile({ ...exported, versions: reimported.versions }).content);
  });

  it("is idempotent and fast-forwards a prompt that gained versions", async () => {
    const ctx = await workspaceWithChatPrompt();
    const files = exportWorkspace(await loadPortableWorkspace({ workspaceId: ctx.workspaceId, scope: "all" }));
    expect(await importPrompts(ctx, parsed(files))).toEqual({ created: [], updated: [], unchanged: ["support/triage"] });

    const other = (await makeWorkspace(["editor"])).members[0]!.ctx;
    const older = parsed(files)[0]!;
    await importPrompts(other, [{ ...older, versions: older.versions.slice(0, 2) }]);
    expect(await importPrompts(other, parsed(files))).toEqual({ created: [], updated: [{ name: "support/triage", added: [3] }], unchanged: [] });
  });

  it("refuses, writing nothing, when a version differs from the one already here", async () => {
    const ctx = await workspaceWithChatPrompt();
    const prompt = parsed(exportWorkspace(await loadPortableWorkspace({ workspaceId: ctx.workspaceId, scope: "all" })))[0]!;
    const tampered = { ...prompt, versions: prompt.versions.map((v) => (v.version === 2 ? { ...v, messages: [{ role: "user" as const, content: "changed" }] } : v)) };
    const fresh = { ...prompt, name: "brand/new" };
    const error = await failure(importPrompts(ctx, [fresh, tampered]));
    expect(error).toBeInstanceOf(AppError);
    expect(error.details).toEqual({
      errors: [{ file: "prompts/support/triage.yaml", field: "versions[1]", message: "v2 differs from v2 here; versions are immutable." }],
    });
    expect(await loadPortablePrompt({ workspaceId: ctx.workspaceId, name: "brand/new", scope: "all" })).toBeNull();
  });

  it("keeps each version's numbering, and the file's author and time only as provenance", async () => {
    const ctx = await workspaceWithChatPrompt();
    const prompt = (await loadPortablePrompt({ workspaceId: ctx.workspaceId, name: "support/triage", scope: "latest" }))!;
    const target = (await makeWorkspace(["editor"])).members[0]!.ctx;
    const before = Date.now();
    await importPrompts(target, [prompt]);
    const imported = (await findPromptByName(getDb(), { workspaceId: target.workspaceId, name: "support/triage" }))!;
    const [only, ...rest] = await listVersions({ promptId: imported.id });
    expect(rest).toEqual([]);
    expect(only!.version).toMatchObject({ version: 3, authorId: target.user.id, provenance: { source: "import", author: ctx.user.email, createdAt: prompt.versions[0]!.createdAt } });
    expect(only!.version.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("never lets a file name a member of this workspace, or a time, as a version's author: the importer made it, now", async () => {
    const { members } = await makeWorkspace(["admin", "editor"]);
    const [admin, editor] = [members[0]!, members[1]!];
    const forged = parsed([
      {
        path: "prompts/forged.yaml",
        content: `name: forged\ntype: text\nversions:\n  - version: 1\n    message: approved by the admin\n    author: ${admin.user.email}\n    createdAt: 2001-01-01T00:00:00.000Z\n    template: hi\n`,
      },
    ]);
    const before = Date.now();
    await importPrompts(editor.ctx, forged);
    const prompt = (await findPromptByName(getDb(), { workspaceId: editor.ctx.workspaceId, name: "forged" }))!;
    const [stored] = await listVersions({ promptId: prompt.id });
    expect(stored!.version.authorId).toBe(editor.user.id);
    expect(stored!.authorEmail).toBe(editor.user.email);
    expect(stored!.version.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(stored!.version.provenance).toEqual({ source: "import", author: admin.user.email, createdAt: "2001-01-01T00:00:00.000Z" });
  });
});
