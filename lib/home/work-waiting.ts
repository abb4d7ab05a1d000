import "server-only";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { can } from "@/lib/platform/auth/policy";
import { countPendingRequests } from "@/lib/releases/server";
import { countItemsAwaiting } from "@/lib/review/server";
import type { WorkWaiting } from "./landing";

/** What waits for this member in this workspace; 0 for what their role cannot act on. */
export async function workWaitingFor({ workspaceId, role, userId }: { workspaceId: string; role: Role; userId: string }): Promise<WorkWaiting> {
  const [approvals, review] = await Promise.all([
    can(role, "deployments:approve") ? countPendingRequests({ workspaceId, decidableBy: userId }) : 0,
    can(role, "review:rate") ? countItemsAwaiting(getDb(), { workspaceId, userId }) : 0,
  ]);
  return { approvals, review };
}
