import "server-only";
import { and, asc, count, desc, eq, isNull, ne, or } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { deployments, environments, prompts, promotionRequests, type PromotionStatus } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

// Reads of deployment and promotion history. The writers are manage-deployments.ts, manage-promotions.ts and
// manage-environments.ts; what an environment serves now is read through lib/serving.

/** Every move of one environment for one prompt, oldest first: the input of the rollback rule. */
export async function listEnvironmentMoves(tx: DbOrTx, { environmentId, promptId }: { environmentId: string; promptId: string }) {
  return tx
    .select(columnsOf(deployments, ["id", "kind", "toVersion", "createdAt", "requestedByLabel", "approvedByLabel"]))
    .from(deployments)
    .where(and(eq(deployments.environmentId, environmentId), eq(deployments.promptId, promptId)))
    .orderBy(asc(deployments.createdAt));
}

/** What a list of moves or requests shows of the prompt and the environment it joins (both tables joined). */
const PROMPT_AND_ENVIRONMENT = {
  promptName: prompts.name,
  environmentId: environments.id,
  environmentName: environments.name,
  environmentSlug: environments.slug,
};

/** Newest first; filter by prompt and/or environment. */
export async function listDeployments(
  tx: DbOrTx,
  { workspaceId, promptId, environmentId, limit = 100 }: { workspaceId: string; promptId?: string; environmentId?: string; limit?: number },
) {
  return tx
    .select({
      ...columnsOf(deployments, [
        "id", "kind", "fromVersion", "toVersion", "requestedByLabel", "approvedByLabel", "comment", "createdAt", "promptId",
      ]),
      ...PROMPT_AND_ENVIRONMENT,
      gateOverride: promotionRequests.gateOverride,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .innerJoin(prompts, eq(prompts.id, deployments.promptId))
    .leftJoin(promotionRequests, eq(promotionRequests.id, deployments.promotionRequestId))
    .where(
      and(
        eq(deployments.workspaceId, workspaceId),
        promptId ? eq(deployments.promptId, promptId) : undefined,
        environmentId ? eq(deployments.environmentId, environmentId) : undefined,
      ),
    )
    .orderBy(desc(deployments.createdAt))
    .limit(limit);
}

export type DeploymentRow = Awaited<ReturnType<typeof listDeployments>>[number];

export async function findPromotionRequest(tx: DbOrTx, { requestId }: { requestId: string }) {
  return first(tx.select().from(promotionRequests).where(eq(promotionRequests.id, requestId)));
}

export async function findPendingRequest(
  tx: DbOrTx,
  { promptId, environmentId, version }: { promptId: string; environmentId: string; version: number },
) {
  return first(
    tx
      .select()
      .from(promotionRequests)
      .where(
        and(
          eq(promotionRequests.promptId, promptId),
          eq(promotionRequests.environmentId, environmentId),
          eq(promotionRequests.version, version),
          eq(promotionRequests.status, "pending"),
        ),
      ),
  );
}

/** Promotion requests with their prompt and environment, newest first. */
export async function listPromotionRequests(
  tx: DbOrTx,
  { workspaceId, status, promptId, limit = 100 }: { workspaceId: string; status?: PromotionStatus; promptId?: string; limit?: number },
) {
  return tx
    .select({
      ...columnsOf(promotionRequests, [
        "id", "promptId", "version", "baseVersion", "requestedById", "requestedByLabel", "comment", "status", "decidedByLabel",
        "decisionReason", "decidedAt", "createdAt", "lintReport", "gateOverride",
      ]),
      ...PROMPT_AND_ENVIRONMENT,
      promptType: prompts.type,
    })
    .from(promotionRequests)
    .innerJoin(prompts, eq(prompts.id, promotionRequests.promptId))
    .innerJoin(environments, eq(environments.id, promotionRequests.environmentId))
    .where(
      and(
        eq(promotionRequests.workspaceId, workspaceId),
        status ? eq(promotionRequests.status, status) : undefined,
        promptId ? eq(promotionRequests.promptId, promptId) : undefined,
      ),
    )
    .orderBy(desc(promotionRequests.createdAt))
    .limit(limit);
}

export type PromotionRequestRow = Awaited<ReturnType<typeof listPromotionRequests>>[number];

/** Pending requests; with `decidableBy`, only those that member may decide (not their own: see refuseOwnRequest). */
export async function countPendingRequests({ workspaceId, decidableBy }: { workspaceId: string; decidableBy?: string }): Promise<number> {
  const row = await first(
    getDb()
      .select({ n: count() })
      .from(promotionRequests)
      .where(
        and(
          eq(promotionRequests.workspaceId, workspaceId),
          eq(promotionRequests.status, "pending"),
          decidableBy === undefined ? undefined : or(isNull(promotionRequests.requestedById), ne(promotionRequests.requestedById, decidableBy)),
        ),
      ),
  );
  return row?.n ?? 0;
}

