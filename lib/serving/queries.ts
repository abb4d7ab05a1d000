import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { environmentPointers, environments, workspaces } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

// What environments exist and what each serves: the reads every consumer of a prompt shares. Writes to these
// tables, and the history of moves and promotion requests, belong to lib/releases (its queries.ts).

export async function listEnvironments(tx: DbOrTx, { workspaceId }: { workspaceId: string }) {
  return tx.select().from(environments).where(eq(environments.workspaceId, workspaceId)).orderBy(asc(environments.position), asc(environments.createdAt));
}

export function findEnvironmentById(tx: DbOrTx, { environmentId }: { environmentId: string }) {
  return first(tx.select().from(environments).where(eq(environments.id, environmentId)));
}

export function findEnvironmentBySlug(tx: DbOrTx, { workspaceId, slug }: { workspaceId: string; slug: string }) {
  return first(tx.select().from(environments).where(and(eq(environments.workspaceId, workspaceId), eq(environments.slug, slug))));
}

export function findPointer(tx: DbOrTx, { environmentId, promptId }: { environmentId: string; promptId: string }) {
  return first(tx.select().from(environmentPointers).where(and(eq(environmentPointers.environmentId, environmentId), eq(environmentPointers.promptId, promptId))));
}

/** Which version each environment serves for these prompts (for lists and the prompt page). */
export async function listPointersForPrompts(tx: DbOrTx, { promptIds }: { promptIds: string[] }) {
  if (promptIds.length === 0) return [];
  return tx
    .select({
      promptId: environmentPointers.promptId,
      version: environmentPointers.version,
      environmentId: environments.id,
      ...columnsOf(environments, ["slug", "name", "position"]),
    })
    .from(environmentPointers)
    .innerJoin(environments, eq(environments.id, environmentPointers.environmentId))
    .where(inArray(environmentPointers.promptId, promptIds))
    .orderBy(asc(environments.position));
}

export async function findWorkspaceSlug(tx: DbOrTx, { workspaceId }: { workspaceId: string }): Promise<string> {
  return (await first(tx.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, workspaceId))))?.slug ?? "";
}
