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

export function actorOf(ctx: { user: { id: string; email: string } }): AuditActor {
  return { userId: ctx.user.id, label: ctx.user.email };
}
