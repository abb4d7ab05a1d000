import "server-only";
import { getDb } from "@/db";
import { findPromptById } from "@/lib/prompts/server";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, subjectCan } from "@/lib/platform/auth/policy";
import type { DashboardFilters } from "@/lib/evals";
import { listQueueNames, listRatedItems } from "./rated-items";
import type { RatedItemsFilters } from "./rated-items-filters";

/**
 * The drill-down page: one page of rated items for the dashboard's filters and a chart point's own. Who rated is
 * shown to those who manage review (leads, editors, admins); viewers and reviewers see "a reviewer". An assignee
 * never sees others' ratings of an item they have not rated yet.
 */
export async function loadRatedItems(principal: Principal, filters: DashboardFilters & RatedItemsFilters) {
  requirePermission(principal, "dashboards:read");
  const showReviewers = subjectCan(principal, "review:manage");
  const [{ items, nextCursor }, queues, promptName] = await Promise.all([
    listRatedItems({ ...filters, workspaceId: principal.workspaceId, ...(principal.user ? { viewerId: principal.user.id } : {}) }),
    listQueueNames(principal.workspaceId),
    filters.prompt ? promptNameIn(principal.workspaceId, filters.prompt) : undefined,
  ]);
  return {
    items: showReviewers ? items : items.map((item) => ({ ...item, reviewerEmail: "a reviewer" })),
    nextCursor,
    queues,
    /** The filtered prompt's name, for the heading; undefined when none is filtered or it is not this workspace's. */
    promptName,
  };
}

async function promptNameIn(workspaceId: string, promptId: string): Promise<string | undefined> {
  const prompt = await findPromptById(getDb(), { promptId });
  return prompt?.workspaceId === workspaceId ? prompt.name : undefined;
}
export type RatedItemsData = Awaited<ReturnType<typeof loadRatedItems>>;
