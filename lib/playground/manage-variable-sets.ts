import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
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

export async function listPromptVariableSets(caller: { workspaceId: string }, { promptId }: { promptId: string }): Promise<VariableSetView[]> {
  const prompt = await findPromptById(getDb(), { promptId });
  requireSameWorkspace(caller, prompt, "That prompt");
  return (await listVariableSets({ promptId })).map(toView);
}

/** Saves the values under a name for this prompt; saving an existing name replaces its values. */
export async function saveVariableSet(caller: Caller, input: z.infer<typeof saveVariableSetSchema>): Promise<{ saved: VariableSetView; sets: VariableSetView[] }> {
  const saved = await transaction(async (tx) => {
    const prompt = await findPromptById(tx, { promptId: input.promptId });
    requireSameWorkspace(caller, prompt, "That prompt");
    const row = await upsertVariableSet(tx, {
      workspaceId: caller.workspaceId,
      promptId: prompt.id,
      name: input.name,
      values: input.values,
      createdById: caller.user.id,
    });
    await recordAuditBy(tx, caller, {
      action: "variable_set.saved",
      objectType: "variable_set",
      objectId: row.id,
      after: { prompt: prompt.name, name: row.name, variables: Object.keys(row.values) },
    });
    return row;
  });
  return { saved: toView(saved), sets: (await listVariableSets({ promptId: input.promptId })).map(toView) };
}

export async function deleteVariableSet(caller: Caller, input: z.infer<typeof deleteVariableSetSchema>): Promise<{ sets: VariableSetView[] }> {
  const promptId = await transaction(async (tx) => {
    const set = await findVariableSetById(tx, { variableSetId: input.variableSetId });
    requireSameWorkspace(caller, set, "That variable set");
    await deleteVariableSetRow(tx, { variableSetId: set.id });
    await recordAuditBy(tx, caller, {
      action: "variable_set.deleted",
      objectType: "variable_set",
      objectId: set.id,
      before: { name: set.name, variables: Object.keys(set.values) },
    });
    return set.promptId;
  });
  return { sets: (await listVariableSets({ promptId })).map(toView) };
}

function upsertVariableSet(tx: DbOrTx, values: typeof variableSets.$inferInsert): Promise<VariableSet> {
  return only(
    tx
      .insert(variableSets)
      .values(values)
      .onConflictDoUpdate({ target: [variableSets.promptId, variableSets.name], set: { values: values.values, updatedAt: new Date() } })
      .returning(),
  );
}

async function deleteVariableSetRow(tx: DbOrTx, { variableSetId }: { variableSetId: string }): Promise<void> {
  await tx.delete(variableSets).where(eq(variableSets.id, variableSetId));
}
