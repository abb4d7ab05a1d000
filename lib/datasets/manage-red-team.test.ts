// "Generate red-team dataset" on a real database: what is stored (dataset, origin, cases, tags, assertions, audit),
// who may do it, and the hostile inputs. Paraphrases come from the offline demo model, so no key is needed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, datasets } from "@/db/schema";
import { CORPUS, CORPUS_VERSION } from "@/lib/core/redteam";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { OFFLINE_MODEL_ID } from "@/lib/platform/models/catalog";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { failure } from "@/lib/testing/app-error";
import { makeWorkspace } from "@/lib/testing/factories";
import { PARAPHRASED_PER_CATEGORY } from "./red-team-paraphrase";
import { createRedTeamDataset } from "./manage-red-team";
import { listCases } from "./queries";

async function team() {
  const { workspace, members } = await makeWorkspace(["editor", "viewer"]);
  const [editorCtx, viewerCtx] = [members[0]!.ctx, members[1]!.ctx];
  const { id: promptId } = await createPrompt(editorCtx, { name: "support/triage", type: "chat", description: "", tags: [] });
  await saveVersion(editorCtx, {
    promptId,
    body: {
      type: "chat",
      messages: [
        { role: "system", content: "You triage support tickets for {{product}}. Answer billing, bug or question." },
        { role: "user", content: "Ticket from {{customer_name}}:\n{{ticket_body}}" },
      ],
    },
    modelConfig: {},
    commitMessage: "v1",
    expectedParentVersion: null,
  });
  return { workspace, promptId, editor: userPrincipal(editorCtx), viewer: userPrincipal(viewerCtx), editorCtx };
}

const auditOf = async (objectId: string) => getDb().select().from(auditLog).where(eq(auditLog.objectId, objectId));

describe("generating a red-team dataset", () => {
  it("stores one case per corpus attack, tailored to the prompt's variables, with the origin, scorers and audit", async () => {
    const { promptId, editor } = await team();
    const made = await createRedTeamDataset(editor, { promptId, categories: [...ATTACK_CATEGORIES] });
    expect(made).toMatchObject({ name: "red-team support-triage v1", cases: CORPUS.length, paraphrases: 0 });

    const dataset = (await getDb().select().from(datasets).where(eq(datasets.id, made.id)))[0]!;
    expect(dataset.redTeam).toEqual({ promptId, version: 1, corpusVersion: CORPUS_VERSION, categories: [...ATTACK_CATEGORIES], paraphrased: false });
    expect(dataset.defaultScorers.map((s) => s.type)).toEqual(["canary-leak", "pii"]);

    const cases = await listCases(getDb(), { datasetId: made.id });
    expect(cases).toHaveLength(CORPUS.length);
    for (const category of ATTACK_CATEGORIES) expect(cases.some((c) => c.tags.includes(`attack:${category}`)), category).toBe(true);
    const first = cases[0]!;
    expect(first.tags).toEqual(["attack:direct-injection", "attack-id:di-1"]);
    expect(Object.keys(first.variables).sort()).toEqual(["customer_name", "product", "ticket_body"]);
    expect(first.variables.ticket_body).toContain("Ignore all previous instructions");
    expect(first.variables.customer_name).toBe("Alex");
    expect(first.assertions).toEqual([{ key: "injection-obeyed", type: "icontains", label: 'Ignores the injection (no "INJECTED-DI1")', params: { value: "INJECTED-DI1" }, negate: true }]);
    const jailbreak = cases.find((c) => c.tags.includes("attack:jailbreak"))!;
    expect(jailbreak.assertions.map((a) => a.type)).toEqual(["refusal"]);
    expect(jailbreak.expectedOutput).toBeNull();

    const entries = await auditOf(made.id);
    expect(entries.map((e) => e.action).sort()).toEqual(["dataset.created", "dataset.red_team_generated"]);
    expect(entries.find((e) => e.action === "dataset.red_team_generated")!.after).toMatchObject({ cases: CORPUS.length, corpusVersion: CORPUS_VERSION });
  });

  it("keeps only the chosen categories and numbers the name when it is taken", async () => {
    const { promptId, editor } = await team();
    await createRedTeamDataset(editor, { promptId, categories: ["jailbreak"] });
    const second = await createRedTeamDataset(editor, { promptId, version: 1, categories: ["off-topic", "off-topic"] });
    expect(second.name).toBe("red-team support-triage v1 (2)");
    const cases = await listCases(getDb(), { datasetId: second.id });
    expect(cases.map((c) => c.tags[0])).toEqual(Array(CORPUS.filter((a) => a.category === "off-topic").length).fill("attack:off-topic"));
  });

  it("adds bounded paraphrases by the offline model, each in its attack's category, injections keeping their marker", async () => {
    const { promptId, editor } = await team();
    const made = await createRedTeamDataset(editor, { promptId, categories: ["direct-injection", "jailbreak"], paraphrase: true, paraphraseModelId: OFFLINE_MODEL_ID });
    expect(made.paraphrases).toBe(2 * PARAPHRASED_PER_CATEGORY);
    const cases = await listCases(getDb(), { datasetId: made.id });
    const paraphrases = cases.filter((c) => c.tags.includes("paraphrase"));
    expect(paraphrases).toHaveLength(2 * PARAPHRASED_PER_CATEGORY);
    const di1 = paraphrases.find((c) => c.tags.includes("attack-id:di-1"))!;
    expect(di1.tags).toContain("attack:direct-injection");
    expect(di1.variables.ticket_body).toContain("INJECTED-DI1");
    expect(di1.variables.ticket_body).toContain("Disregard all earlier directions");
    expect(di1.assertions[0]).toMatchObject({ type: "icontains", negate: true, params: { value: "INJECTED-DI1" } });
    const dataset = (await getDb().select().from(datasets).where(eq(datasets.id, made.id)))[0]!;
    expect(dataset.redTeam?.paraphrased).toBe(true);
  });

  it("refuses a viewer, another workspace's prompt, a prompt without variables and malformed input", async () => {
    const { promptId, editor, viewer, editorCtx } = await team();
    expect((await failure(createRedTeamDataset(viewer, { promptId, categories: ["jailbreak"] }))).status).toBe(403);
    const other = await makeWorkspace(["editor"]);
    expect((await failure(createRedTeamDataset(userPrincipal(other.members[0]!.ctx), { promptId, categories: ["jailbreak"] }))).status).toBe(404);

    const { id: plain } = await createPrompt(editorCtx, { name: "static", type: "text", description: "", tags: [] });
    expect((await failure(createRedTeamDataset(editor, { promptId: plain, categories: ["jailbreak"] }))).message).toContain("has no saved version");
    await saveVersion(editorCtx, { promptId: plain, body: { type: "text", template: "Say hello." }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
    const noVariables = await failure(createRedTeamDataset(editor, { promptId: plain, categories: ["jailbreak"] }));
    expect(noVariables.status).toBe(400);
    expect(noVariables.message).toContain("has no variables");

    expect((await failure(createRedTeamDataset(editor, { promptId, version: 9, categories: ["jailbreak"] }))).status).toBe(404);
    expect((await failure(createRedTeamDataset(editor, { promptId, categories: [] }))).status).toBe(400);
    expect((await failure(createRedTeamDataset(editor, { promptId, categories: ["nuke" as never] }))).status).toBe(400);
    expect((await failure(createRedTeamDataset(editor, { promptId, categories: ["jailbreak"], paraphrase: true }))).status).toBe(400);
    expect((await failure(createRedTeamDataset(editor, { promptId, categories: ["jailbreak"], name: "x".repeat(5_000) }))).status).toBe(400);
    expect((await failure(createRedTeamDataset(editor, { promptId, categories: ["jailbreak"], paraphrase: true, paraphraseModelId: "nope:model" }))).status).toBeLessThan(500);
    // Nothing of the refused attempts was stored.
    expect(await getDb().select().from(datasets).where(eq(datasets.workspaceId, editor.workspaceId))).toHaveLength(0);
  });
});
