import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { deleteVariableSet, listPromptVariableSets, saveVariableSet } from "./manage-variable-sets";

describe("variable sets", () => {
  it("saves named values per prompt, replaces them under the same name, and deletes them, with audit entries", () => {
    const { editor, promptId, workspace } = makePlaygroundWorkspace({ fixtureUrl: "http://127.0.0.1:9/v1" });
    const first = saveVariableSet(editor, { promptId, name: "angry customer", values: { name: "Dana", ticket: "Refund now!\nNow!" } });
    expect(first.sets.map((s) => s.name)).toEqual(["angry customer"]);
    const replaced = saveVariableSet(editor, { promptId, name: "angry customer", values: { name: "Eve" } });
    expect(replaced.saved.id).toBe(first.saved.id);
    expect(listPromptVariableSets(editor, { promptId })).toEqual([{ id: first.saved.id, name: "angry customer", values: { name: "Eve" } }]);

    expect(deleteVariableSet(editor, { variableSetId: first.saved.id }).sets).toEqual([]);
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.objectType, "variable_set"))).all();
    expect(audit.map((a) => a.action)).toEqual(["variable_set.saved", "variable_set.saved", "variable_set.deleted"]);
    // The audit log names the variables, never their values (they may hold customer data).
    expect(JSON.stringify(audit)).not.toContain("Refund");
  });

  it("answers not found for another workspace's prompt or set", () => {
    const { editor, promptId } = makePlaygroundWorkspace({ fixtureUrl: "http://127.0.0.1:9/v1" });
    const { saved } = saveVariableSet(editor, { promptId, name: "mine", values: { name: "Ada" } });
    const stranger = makeWorkspace(["editor"]).members[0]!.ctx;
    expect(() => saveVariableSet(stranger, { promptId, name: "theirs", values: {} })).toThrow(/not found in this workspace/);
    expect(() => deleteVariableSet(stranger, { variableSetId: saved.id })).toThrow(/not found in this workspace/);
    expect(() => listPromptVariableSets(stranger, { promptId })).toThrow(/not found in this workspace/);
  });
});
