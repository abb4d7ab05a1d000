import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { findVersion } from "@/lib/prompts/server";
import { versionContent } from "@/lib/prompts";
import { listEnvironments, listPointersForPrompts } from "@/lib/serving/server";
import { listDeployments, listEnvironmentMoves, listPromotionRequests } from "@/lib/releases/queries";
import { rollbackTarget } from "./rollback-target";

async function contentOf(tx: DbOrTx, promptId: string, version: number) {
  const row = await findVersion(tx, { promptId, version });
  return row ? versionContent(row) : null;
}

/** Where "Roll back" would take the environment, with both versions' content for the dialog's diff; null for none. */
async function rollbackView(tx: DbOrTx, promptId: string, moves: Awaited<ReturnType<typeof listEnvironmentMoves>>) {
  const target = rollbackTarget(moves);
  if (!target) return null;
  const deployed = moves.find((m) => m.id === target.deploymentId)!;
  const [served, content] = await Promise.all([contentOf(tx, promptId, target.served), contentOf(tx, promptId, target.version)]);
  if (!served || !content) return null;
  return {
    version: target.version,
    deployedAt: deployed.createdAt.toISOString(),
    deployedBy: deployed.approvedByLabel ?? deployed.requestedByLabel,
    served,
    content,
  };
}

/** Everything the prompt's Deployments tab shows, read in one place. */
export async function loadPromptDeployments({ workspaceId, promptId }: { workspaceId: string; promptId: string }) {
  const db = getDb();
  const pointers = new Map((await listPointersForPrompts(db, { promptIds: [promptId] })).map((p) => [p.environmentId, p]));
  const environments = await Promise.all(
    (await listEnvironments(db, { workspaceId })).map(async (environment) => {
      const pointer = pointers.get(environment.id);
      const moves = pointer ? await listEnvironmentMoves(db, { environmentId: environment.id, promptId }) : [];
      const last = moves.at(-1);
      return {
        id: environment.id,
        slug: environment.slug,
        name: environment.name,
        isProtected: environment.isProtected,
        version: pointer?.version ?? null,
        rollback: await rollbackView(db, promptId, moves),
        updatedAt: last?.createdAt.toISOString() ?? null,
        updatedBy: last ? (last.approvedByLabel ?? last.requestedByLabel) : null,
      };
    }),
  );
  const [pending, history] = await Promise.all([
    listPromotionRequests(db, { workspaceId, promptId, status: "pending" }),
    listDeployments(db, { workspaceId, promptId, limit: 200 }),
  ]);
  return { environments, pending, history };
}
