import "server-only";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";

export interface AuditActor {
  userId: string | null;
  /** Set when the change was made with an API key; userId is then the key's owner. */
  apiKeyId?: string | null;
  label: string;
}

/** Call inside the transaction that makes the change, so the change and its record land together. */
export async function recordAudit(
  tx: DbOrTx,
  entry: {
    workspaceId: string | null;
    actor: AuditActor;
    action: string;
    objectType: string;
    objectId?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx
    .insert(auditLog)
    .values({
      workspaceId: entry.workspaceId,
      actorUserId: entry.actor.userId,
      actorApiKeyId: entry.actor.apiKeyId ?? null,
      actorLabel: entry.actor.label,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
}

/** A member is recorded by email; a change made with an API key names both the key and its owner. */
export function actorOf(who: { user: { id: string; email: string } | null; apiKey?: { id: string; name: string } | null }): AuditActor {
  if (!who.apiKey) return { userId: who.user?.id ?? null, label: who.user?.email ?? "unknown" };
  const key = `API key "${who.apiKey.name}"`;
  return { userId: who.user?.id ?? null, apiKeyId: who.apiKey.id, label: who.user ? `${who.user.email} via ${key}` : key };
}

type Acting = { workspaceId: string } & Parameters<typeof actorOf>[0];

/** recordAudit for the usual case: the caller acts on its own workspace, and is the actor recorded. */
export async function recordAuditBy(tx: DbOrTx, who: Acting, entry: Omit<Parameters<typeof recordAudit>[1], "workspaceId" | "actor">): Promise<void> {
  await recordAudit(tx, { workspaceId: who.workspaceId, actor: actorOf(who), ...entry });
}
