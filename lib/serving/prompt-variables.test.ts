// The variables of a prompt over real SQLite: partials read from the workspace at the label or version each tag pins.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { deployVersion } from "@/lib/releases/manage-deployments";
import { listEnvironments } from "@/lib/serving/queries";
import { createPrompt, saveVersion, setPromptArchived } from "@/lib/prompts/manage-prompts";
import { makeWorkspace } from "@/lib/testing/factories";
import { readWorkspacePartial } from "./load-partial";
import { inspectDraftVariables, promptVariablesReader } from "./prompt-variables";

async function workspaceWithPartials() {
  const { workspace, members } = await makeWorkspace(["editor"]);
  const editor = members[0]!.ctx;
  const save = (promptId: string, template: string, version: number) =>
    saveVersion(editor, { promptId, body: { type: "text", template }, modelConfig: {}, commitMessage: `v${version}`, expectedParentVersion: version === 1 ? null : version - 1 });
  const tagline = await createPrompt(editor, { name: "marketing/tagline", type: "text", description: "", tags: [] });
  await save(tagline.id, "For {{product}}, aimed at {{audience}}.", 1);
  await save(tagline.id, "For {{product}} in {{region}}.", 2);
  await save(tagline.id, "Latest: {{latest_only}}", 3);
  const staging = (await listEnvironments(getDb(), { workspaceId: workspace.id })).find((e) => e.slug === "staging")!;
  await deployVersion(userPrincipal(editor), { promptId: tagline.id, environmentId: staging.id, version: 1, comment: "" });
  const chat = await createPrompt(editor, { name: "chatty", type: "chat", description: "", tags: [] });
  await saveVersion(editor, { promptId: chat.id, body: { type: "chat", messages: [{ role: "user", content: "{{x}}" }] }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
  const launch = await createPrompt(editor, { name: "launch", type: "chat", description: "", tags: [] });
  return { workspace, editor, tagline, launch };
}

describe("the variables of a prompt in a workspace", () => {
  it("reads each partial at its pinned environment label, version, latest, or the latest version for a bare name", async () => {
    const { workspace } = await workspaceWithPartials();
    const read = promptVariablesReader(getDb(), { workspaceId: workspace.id });
    const names = async (template: string) => (await read({ content: { template, messages: null }, promptName: "p" })).variables.map((v) => v.name);
    expect(await names("{{> marketing/tagline@staging}}")).toEqual(["product", "audience"]);
    expect(await names("{{> marketing/tagline@2}}")).toEqual(["product", "region"]);
    expect(await names("{{> marketing/tagline}}")).toEqual(["latest_only"]);
    expect(await names("{{> marketing/tagline@latest}}")).toEqual(["latest_only"]);
  });

  it("gives a chat prompt's messages one list and says which partial each variable comes from", async () => {
    const { workspace } = await workspaceWithPartials();
    const read = promptVariablesReader(getDb(), { workspaceId: workspace.id });
    const result = await read({
      content: { template: null, messages: [{ role: "system", content: "Write for {{brand}}. {{> marketing/tagline@staging}}" }, { role: "user", content: "{{question}}" }] },
      promptName: "launch",
    });
    expect(result).toEqual({
      variables: [
        { name: "brand", inTemplate: true, partials: [], required: true },
        { name: "question", inTemplate: true, partials: [], required: true },
        { name: "product", inTemplate: false, partials: ["marketing/tagline@staging"], required: true },
        { name: "audience", inTemplate: false, partials: ["marketing/tagline@staging"], required: true },
      ],
      problems: [],
    });
  });

  it("reports a missing prompt, an environment that serves nothing, a missing version, a chat prompt and an archived prompt", async () => {
    const { workspace, editor, tagline } = await workspaceWithPartials();
    const read = promptVariablesReader(getDb(), { workspaceId: workspace.id });
    const problems = async (template: string) => (await read({ content: { template, messages: null }, promptName: "p" })).problems.map((p) => p.message);
    expect(await problems("{{> nope/missing@production}}")).toEqual(['Unknown partial "nope/missing@production": no prompt has this name and label']);
    expect(await problems("{{> marketing/tagline@production}} {{> marketing/tagline@9}} {{> marketing/tagline@nowhere}}")).toEqual([
      'Unknown partial "marketing/tagline@production": no prompt has this name and label',
      'Unknown partial "marketing/tagline@9": no prompt has this name and label',
      'Unknown partial "marketing/tagline@nowhere": no prompt has this name and label',
    ]);
    expect(await problems("{{> chatty}}")).toEqual(['Partial "chatty" is a chat prompt; only text prompts can be included.']);
    await setPromptArchived(editor, { promptId: tagline.id, archived: true });
    expect(await readWorkspacePartial(getDb(), { workspaceId: workspace.id, ref: { name: "marketing/tagline", label: null } })).toBeNull();
  });

  it("reads the partials of partials, as deep as they go, and what each brings", async () => {
    const { workspace, editor } = await workspaceWithPartials();
    const textPrompt = async (name: string, template: string) => {
      const { id } = await createPrompt(editor, { name, type: "text", description: "", tags: [] });
      await saveVersion(editor, { promptId: id, body: { type: "text", template }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
    };
    await textPrompt("chain/c", "C {{deepest}}");
    await textPrompt("chain/b", "B {{middle}} {{> chain/c}}");
    await textPrompt("chain/a", "A {{top}} {{> chain/b}} {{> marketing/tagline@2}} {{> chain/missing}}");
    const read = promptVariablesReader(getDb(), { workspaceId: workspace.id });
    const result = await read({ content: { template: "{{own}} {{> chain/a}}", messages: null }, promptName: "p" });
    expect(result.variables.map((v) => [v.name, v.partials])).toEqual([
      ["own", []],
      ["top", ["chain/a"]],
      ["middle", ["chain/b"]],
      ["deepest", ["chain/c"]],
      ["product", ["marketing/tagline@2"]],
      ["region", ["marketing/tagline@2"]],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Unknown partial "chain\/missing"/)]);
  });

  it("inspects an unsaved draft of the caller's own prompt only", async () => {
    const { editor, launch } = await workspaceWithPartials();
    const draft = await inspectDraftVariables(editor, { promptId: launch.id, body: { type: "chat", messages: [{ role: "system", content: "{{> marketing/tagline@2}} {{> launch}}" }] } });
    expect(draft.variables.map((v) => v.name)).toEqual(["product", "region"]);
    expect(draft.problems).toEqual([
      { partial: "launch", templateIndex: 0, where: "System message", line: 1, column: 27, message: "Partials include each other in a cycle: launch → launch" },
    ]);
    const stranger = (await makeWorkspace(["admin"])).members[0]!.ctx;
    await expect(inspectDraftVariables(stranger, { promptId: launch.id, body: { type: "text", template: "" } })).rejects.toThrow(/not found in this workspace/);
  });
});
