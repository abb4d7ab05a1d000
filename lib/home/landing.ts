import type { Role } from "@/db/schema";
import { can } from "@/lib/platform/auth/policy";

// Who waits on whom: what is waiting for a member (the navigation badges) and the page they land on after sign-in
// and at `/`. Client-safe; the counts come from ./work-waiting.ts.

export interface WorkWaiting {
  /** Pending promotion requests this member may decide: never their own. */
  approvals: number;
  /** Review items in their assigned, live queues that still need their rating. */
  review: number;
}

/**
 * Reviewers land on Review, their only work. Leads and admins land on Approvals while requests wait for them (others
 * are blocked on them), otherwise on Prompts, like editors and viewers.
 */
export function landingPath(role: Role, waiting: WorkWaiting): string {
  if (role === "reviewer") return "/review";
  if (can(role, "deployments:approve") && waiting.approvals > 0) return "/approvals";
  return "/prompts";
}
