import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { deleteVariableSet, listPromptVariableSets, saveVariableSet } from "./manage-variable-sets";

describe("variable sets", () => {
  it("saves named values per prompt, replaces them under the same name, and deletes them, with audit entries", async () => {
    const { editor, promptId, workspace } = await makePlaygroundWorkspace({ fixtureUrl: "http://127.0.0.1:9/v1" });
    const first = await saveVariableSet(editor, { promptId, name: "angry customer", values: { name: "Dana", ticket: "Refund now!\nNow!" } });
    expect(first.sets.map((s) => s.name)).toEqual(["angry customer"]);
    const replaced = await saveVariableSet(editor, { promptId, name: "angry customer", values: { name: "Eve" } });
    expect(replaced.saved.id).toBe(first.saved.id);
    expect(await listPromptVariableSets(editor, { promptId })).toEqual([{ id: first.saved.id, name: "angry customer", values: { name: "Eve" } }]);

    expect((await deleteVariableSet(editor, { variableSetId: first.saved.id })).sets).toEqual([]);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.objectType, "variable_set")));
    expect(audit.map((a) => a.action)).toEqual(["variable_set.saved", "variable_set.saved", "variable_set.deleted"]);
    // The audit log names the variables, never their values (they may hold customer data).
    expect(JSON.stringify(audit)).not.toContain("Refund");
  });

  it("answers not found for another workspace's prompt or set", async () => {
    const { editor, promptId } = await makePlaygroundWorkspace({ fixtureUrl: "http://127.0.0.1:9/v1" });
    const { saved } = await saveVariableSet(editor, { promptId, name: "mine", values: { name: "Ada" } });
    const stranger = (await makeWorkspace(["editor"])).members[0]!.ctx;
    await expect(saveVariableSet(stranger, { promptId, name: "theirs", values: {} })).rejects.toThrow(/not found in this workspace/);
    await expect(deleteVariableSet(stranger, { variableSetId: saved.id })).rejects.toThrow(/not found in this workspace/);
    await expect(listPromptVariableSets(stranger, { promptId })).rejects.toThrow(/not found in this workspace/);
  });
});
