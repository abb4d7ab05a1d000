import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { variableSets, type VariableSet } from "@/db/schema";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { findPromptById } from "@/lib/prompts/server";
import { findVariableSetById, listVariableSets } from "./queries";
import type { deleteVariableSetSchema, saveVariableSetSchema } from "./schemas";
import type { VariableSetView } from "./types";

interface Caller {
  workspaceId: string;
  user: { id: string; email: string };
}

function toView(set: VariableSet): VariableSetView {
  return { id: set.id, name: set.name, values: set.values };
}

export function listPromptVariableSets(caller: { workspaceId: string }, { promptId }: { promptId: string }): VariableSetView[] {
  const prompt = findPromptById(getDb(), { promptId });
  requireSameWorkspace(caller, prompt, "That prompt");
  return listVariableSets({ promptId }).map(toView);
}

/** Saves the values under a name for this prompt; saving an existing name replaces its values. */
export function saveVariableSet(caller: Caller, input: z.infer<typeof saveVariableSetSchema>): { saved: VariableSetView; sets: VariableSetView[] } {
  const saved = getDb().transaction(
    (tx) => {
      const prompt = findPromptById(tx, { promptId: input.promptId });
      requireSameWorkspace(caller, prompt, "That prompt");
      const row = upsertVariableSet(tx, {
        workspaceId: caller.workspaceId,
        promptId: prompt.id,
        name: input.name,
        values: input.values,
        createdById: caller.user.id,
      });
      recordAuditBy(tx, caller, {
        action: "variable_set.saved",
        objectType: "variable_set",
        objectId: row.id,
        after: { prompt: prompt.name, name: row.name, variables: Object.keys(row.values) },
      });
      return row;
    },
    { behavior: "immediate" },
  );
  return { saved: toView(saved), sets: listVariableSets({ promptId: input.promptId }).map(toView) };
}

export function deleteVariableSet(caller: Caller, input: z.infer<typeof deleteVariableSetSchema>): { sets: VariableSetView[] } {
  const promptId = getDb().transaction((tx) => {
    const set = findVariableSetById(tx, { variableSetId: input.variableSetId });
    requireSameWorkspace(caller, set, "That variable set");
    deleteVariableSetRow(tx, { variableSetId: set.id });
    recordAuditBy(tx, caller, {
      action: "variable_set.deleted",
      objectType: "variable_set",
      objectId: set.id,
      before: { name: set.name, variables: Object.keys(set.values) },
    });
    return set.promptId;
  });
  return { sets: listVariableSets({ promptId }).map(toView) };
}

function upsertVariableSet(tx: DbOrTx, values: typeof variableSets.$inferInsert): VariableSet {
  return tx
    .insert(variableSets)
    .values(values)
    .onConflictDoUpdate({ target: [variableSets.promptId, variableSets.name], set: { values: values.values, updatedAt: new Date() } })
    .returning()
    .get();
}

function deleteVariableSetRow(tx: DbOrTx, { variableSetId }: { variableSetId: string }): void {
  tx.delete(variableSets).where(eq(variableSets.id, variableSetId)).run();
}
