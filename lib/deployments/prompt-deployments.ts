import "server-only";
import { getDb } from "@/db";
import { listDeployments, listEnvironments, listPointersForPrompts, listPromotionRequests } from "./queries";

/** Everything the prompt's Deployments tab shows, read in one place. */
export function loadPromptDeployments({ workspaceId, promptId }: { workspaceId: string; promptId: string }) {
  const db = getDb();
  const pointers = new Map(listPointersForPrompts(db, { promptIds: [promptId] }).map((p) => [p.environmentId, p]));
  const environments = listEnvironments(db, { workspaceId }).map((environment) => {
    const pointer = pointers.get(environment.id);
    const deployment = pointer ? listDeployments(db, { workspaceId, promptId, environmentId: environment.id, limit: 1 })[0] : undefined;
    return {
      id: environment.id,
      slug: environment.slug,
      name: environment.name,
      isProtected: environment.isProtected,
      version: pointer?.version ?? null,
      previousVersion: deployment?.fromVersion ?? null,
      updatedAt: deployment?.createdAt.toISOString() ?? null,
      updatedBy: deployment?.approvedByLabel ?? deployment?.requestedByLabel ?? null,
    };
  });
  return {
    environments,
    pending: listPromotionRequests(db, { workspaceId, promptId, status: "pending" }),
    history: listDeployments(db, { workspaceId, promptId, limit: 200 }),
  };
}

