import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated on (createdAt, id) so deep pages stay as fast as the first. */
export async function listAuditEntries({ workspaceId, before }: { workspaceId: string; before?: { createdAt: Date; id: string } }) {
  const rows = await getDb()
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        before
          ? or(lt(auditLog.createdAt, before.createdAt), and(eq(auditLog.createdAt, before.createdAt), lt(auditLog.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
