import "server-only";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";

export interface AuditActor {
  userId: string | null;
  label: string;
}

/** Call inside the transaction that makes the change, so the change and its record land together. */
export function recordAudit(
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
) {
  tx.insert(auditLog)
    .values({
      workspaceId: entry.workspaceId,
      actorUserId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

/** A member is recorded by email; an API key by its name, with no user. */
export function actorOf(who: { user: { id: string; email: string } | null; apiKey?: { name: string } | null }): AuditActor {
  if (who.user) return { userId: who.user.id, label: who.user.email };
  return { userId: null, label: `API key "${who.apiKey?.name ?? "unknown"}"` };
}
