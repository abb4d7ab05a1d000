import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { deployments, environmentPointers, type DeploymentKind, type Environment, type Prompt } from "@/db/schema";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { displayNameOf, type Principal, type UserPrincipal } from "@/lib/platform/auth/principal";
import { actorOf, recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findPromptById, findVersion } from "@/lib/prompts/server";
import { enqueueWebhookEvent, kickWebhookWorker } from "@/lib/platform/webhooks/outbox";
import { rollbackTarget } from "./rollback-target";
import { findEnvironmentById, findPointer, findWorkspaceSlug } from "@/lib/serving/server";
import { listEnvironmentMoves } from "./queries";
import type { moveEnvironmentSchema, rollbackSchema } from "./schemas";

// The only module that moves environments. Every move is one transaction: the pointer, the append-only
// deployment row, the request's status and the audit entry land together or not at all. Permissions are
// checked here as well as at the boundary, because API keys and members both reach these functions.

export interface Target {
  prompt: Prompt;
  environment: Environment;
}

export async function loadTarget(tx: DbOrTx, principal: Principal, { promptId, environmentId }: { promptId: string; environmentId: string }): Promise<Target> {
  const prompt = await findPromptById(tx, { promptId });
  requireSameWorkspace(principal, prompt, "That prompt");
  const environment = await findEnvironmentById(tx, { environmentId });
  requireSameWorkspace(principal, environment, "That environment");
  return { prompt, environment };
}

export async function requireVersion(tx: DbOrTx, prompt: Prompt, version: number): Promise<void> {
  if (!(await findVersion(tx, { promptId: prompt.id, version }))) {
    throw new AppError("not_found:deployment", `"${prompt.name}" has no version ${version}.`);
  }
}

export async function applyMove(
  tx: DbOrTx,
  principal: Principal,
  { prompt, environment }: Target,
  move: { toVersion: number; kind: DeploymentKind; comment: string; requestedById: string | null; requestedByLabel: string; approvedBy?: UserPrincipal; requestId?: string; reverts?: string },
) {
  const current = await findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
  const deployment = await insertDeployment(tx, {
    // Strictly after the move it replaces, even within one millisecond, so the history's order (which the
    // rollback rule replays) never depends on a tie.
    createdAt: new Date(Math.max(Date.now(), (current?.updatedAt.getTime() ?? 0) + 1)),
    workspaceId: prompt.workspaceId,
    environmentId: environment.id,
    promptId: prompt.id,
    kind: move.kind,
    fromVersion: current?.version ?? null,
    toVersion: move.toVersion,
    requestedById: move.requestedById,
    requestedByLabel: move.requestedByLabel,
    approvedById: move.approvedBy?.user.id ?? null,
    approvedByLabel: move.approvedBy ? displayNameOf(move.approvedBy) : null,
    promotionRequestId: move.requestId ?? null,
    comment: move.comment,
  });
  await upsertPointer(tx, {
    environmentId: environment.id,
    promptId: prompt.id,
    version: move.toVersion,
    deploymentId: deployment.id,
    updatedAt: deployment.createdAt,
  });
  await recordAudit(tx, {
    workspaceId: prompt.workspaceId,
    actor: actorOf(principal),
    action: `deployment.${move.kind === "deploy" ? "deployed" : move.kind === "promotion" ? "promoted" : "rolled_back"}`,
    objectType: "prompt",
    objectId: prompt.id,
    before: { environment: environment.slug, version: current?.version ?? null },
    after: {
      environment: environment.slug,
      version: move.toVersion,
      comment: move.comment,
      requestId: move.requestId ?? null,
      ...(move.reverts ? { reverts: move.reverts } : {}),
    },
  });
  await enqueueWebhookEvent(tx, {
    workspaceId: prompt.workspaceId,
    event: "deployment.changed",
    payload: {
      id: deployment.id,
      kind: move.kind,
      workspace: await findWorkspaceSlug(tx, { workspaceId: prompt.workspaceId }),
      prompt: prompt.name,
      environment: environment.slug,
      fromVersion: deployment.fromVersion,
      toVersion: deployment.toVersion,
      requestedBy: deployment.requestedByLabel,
      approvedBy: deployment.approvedByLabel,
      comment: deployment.comment,
      occurredAt: deployment.createdAt.toISOString(),
    },
  });
  return deployment;
}

/** After a committed move: webhook deliveries were queued in its transaction; send them now. */
export function afterMove<T>(result: T): T {
  kickWebhookWorker();
  return result;
}

/** Direct move of an unprotected environment (editor and above). */
export async function deployVersion(principal: Principal, input: z.infer<typeof moveEnvironmentSchema>) {
  requirePermission(principal, "deployments:deploy");
  return afterMove(
    await transaction(async (tx) => {
      const target = await loadTarget(tx, principal, input);
      if (target.environment.isProtected) {
        throw new AppError(
          "forbidden:deployment",
          `${target.environment.name} is protected: request a promotion, and a lead will review it.`,
        );
      }
      await requireVersion(tx, target.prompt, input.version);
      const current = await findPointer(tx, { environmentId: target.environment.id, promptId: target.prompt.id });
      if (current?.version === input.version) {
        throw new AppError("conflict:deployment", `${target.environment.name} already serves v${input.version}.`);
      }
      const deployment = await applyMove(tx, principal, target, {
        toVersion: input.version,
        kind: "deploy",
        comment: input.comment,
        requestedById: principal.user?.id ?? null,
        requestedByLabel: displayNameOf(principal),
      });
      return { deploymentId: deployment.id, environment: target.environment.name, version: input.version };
    }),
  );
}

/**
 * Undoes the environment's current deployment: it serves again the version of the newest earlier deployment still
 * in effect whose version is older (lib/releases/rollback-target.ts). Never a newer version: that is a promotion
 * and goes through a request and an approval. `toVersion` must be the target the caller was shown, so a rollback
 * that raced another move is refused instead of going somewhere nobody looked at.
 */
export async function rollbackEnvironment(principal: UserPrincipal, input: z.infer<typeof rollbackSchema>) {
  requirePermission(principal, "deployments:rollback");
  return afterMove(
    await transaction(async (tx) => {
      const target = await loadTarget(tx, principal, input);
      const { prompt, environment } = target;
      const current = await findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
      if (current && input.toVersion > current.version) {
        throw new AppError(
          "forbidden:deployment",
          `v${input.toVersion} is newer than the v${current.version} ${environment.name} serves: serving it again is a promotion, so request one and a lead will review it.`,
        );
      }
      const rollback = rollbackTarget(await listEnvironmentMoves(tx, { environmentId: environment.id, promptId: prompt.id }));
      if (!current || !rollback || rollback.served !== current.version) {
        throw new AppError("conflict:deployment", `${environment.name} has no earlier version of "${prompt.name}" to roll back to.`);
      }
      if (rollback.version !== input.toVersion) {
        throw new AppError(
          "conflict:deployment",
          `${environment.name} would roll back to v${rollback.version}, not v${input.toVersion}: it has moved since you looked. Reload and try again.`,
        );
      }
      const deployment = await applyMove(tx, principal, target, {
        toVersion: rollback.version,
        kind: "rollback",
        comment: input.comment || `Rolled back from v${current.version}`,
        requestedById: principal.user.id,
        requestedByLabel: displayNameOf(principal),
        reverts: rollback.reverts,
      });
      return { deploymentId: deployment.id, environment: environment.name, version: rollback.version, from: current.version };
    }),
  );
}

async function upsertPointer(tx: DbOrTx, values: typeof environmentPointers.$inferInsert): Promise<void> {
  await tx
    .insert(environmentPointers)
    .values(values)
    .onConflictDoUpdate({
      target: [environmentPointers.environmentId, environmentPointers.promptId],
      set: { version: values.version, deploymentId: values.deploymentId, updatedAt: values.updatedAt },
    });
}

function insertDeployment(tx: DbOrTx, values: typeof deployments.$inferInsert) {
  return only(tx.insert(deployments).values(values).returning());
}
