import "server-only";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import type { DeploymentKind, Environment, Prompt } from "@/db/schema";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { displayNameOf, type Principal, type UserPrincipal } from "@/lib/platform/auth/principal";
import { findApiKeyById } from "@/lib/platform/api-keys/queries";
import { actorOf, recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findPromptById, findVersion } from "@/lib/prompts/server";
import { enqueueWebhookEvent, kickWebhookWorker } from "@/lib/platform/webhooks/outbox";
import { checkEvalGate, describeGateBlock, gateBlocksApproval } from "./eval-gate";
import { rollbackTarget } from "./rollback-target";
import { findEnvironmentById, findPointer, findWorkspaceSlug } from "@/lib/serving/server";
import { closePromotionRequest, findPendingRequest, findPromotionRequest, insertDeployment, insertPromotionRequest, listEnvironmentMoves, upsertPointer } from "@/lib/releases/queries";
import type { decideRequestSchema, moveEnvironmentSchema, rejectRequestSchema, rollbackSchema, withdrawRequestSchema } from "./schemas";

// The only module that moves environments. Every move is one transaction: the pointer, the append-only
// deployment row, the request's status and the audit entry land together or not at all. Permissions are
// checked here as well as at the boundary, because API keys and members both reach these functions.

interface Target {
  prompt: Prompt;
  environment: Environment;
}

function loadTarget(tx: DbOrTx, principal: Principal, { promptId, environmentId }: { promptId: string; environmentId: string }): Target {
  const prompt = findPromptById(tx, { promptId });
  requireSameWorkspace(principal, prompt, "That prompt");
  const environment = findEnvironmentById(tx, { environmentId });
  requireSameWorkspace(principal, environment, "That environment");
  return { prompt, environment };
}

function requireVersion(tx: DbOrTx, prompt: Prompt, version: number) {
  if (!findVersion(tx, { promptId: prompt.id, version })) {
    throw new AppError("not_found:deployment", `"${prompt.name}" has no version ${version}.`);
  }
}

function applyMove(
  tx: DbOrTx,
  principal: Principal,
  { prompt, environment }: Target,
  move: { toVersion: number; kind: DeploymentKind; comment: string; requestedById: string | null; requestedByLabel: string; approvedBy?: UserPrincipal; requestId?: string; reverts?: string },
) {
  const current = findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
  const deployment = insertDeployment(tx, {
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
  upsertPointer(tx, {
    environmentId: environment.id,
    promptId: prompt.id,
    version: move.toVersion,
    deploymentId: deployment.id,
    updatedAt: deployment.createdAt,
  });
  recordAudit(tx, {
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
  enqueueWebhookEvent(tx, {
    workspaceId: prompt.workspaceId,
    event: "deployment.changed",
    payload: {
      id: deployment.id,
      kind: move.kind,
      workspace: findWorkspaceSlug(tx, { workspaceId: prompt.workspaceId }),
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
function afterMove<T>(result: T): T {
  kickWebhookWorker();
  return result;
}

/** Direct move of an unprotected environment (editor and above). */
export function deployVersion(principal: Principal, input: z.infer<typeof moveEnvironmentSchema>) {
  requirePermission(principal, "deployments:deploy");
  return afterMove(getDb().transaction(
    (tx) => {
      const target = loadTarget(tx, principal, input);
      if (target.environment.isProtected) {
        throw new AppError(
          "forbidden:deployment",
          `${target.environment.name} is protected: request a promotion, and a lead will review it.`,
        );
      }
      requireVersion(tx, target.prompt, input.version);
      const current = findPointer(tx, { environmentId: target.environment.id, promptId: target.prompt.id });
      if (current?.version === input.version) {
        throw new AppError("conflict:deployment", `${target.environment.name} already serves v${input.version}.`);
      }
      const deployment = applyMove(tx, principal, target, {
        toVersion: input.version,
        kind: "deploy",
        comment: input.comment,
        requestedById: principal.user?.id ?? null,
        requestedByLabel: displayNameOf(principal),
      });
      return { deploymentId: deployment.id, environment: target.environment.name, version: input.version };
    },
    { behavior: "immediate" },
  ));
}

/** Asks for a protected environment to move; a lead or admin other than the requester decides. */
export function requestPromotion(principal: Principal, input: z.infer<typeof moveEnvironmentSchema>) {
  requirePermission(principal, "deployments:request");
  return getDb().transaction(
    (tx) => {
      const target = loadTarget(tx, principal, input);
      const { prompt, environment } = target;
      if (!environment.isProtected) {
        throw new AppError("bad_request:deployment", `${environment.name} is not protected: deploy to it directly.`);
      }
      requireVersion(tx, prompt, input.version);
      const current = findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
      if (current?.version === input.version) {
        throw new AppError("conflict:deployment", `${environment.name} already serves v${input.version}.`);
      }
      if (findPendingRequest(tx, { promptId: prompt.id, environmentId: environment.id, version: input.version })) {
        throw new AppError("conflict:deployment", `A request to promote v${input.version} to ${environment.name} is already pending.`);
      }
      const request = insertPromotionRequest(tx, {
        workspaceId: prompt.workspaceId,
        promptId: prompt.id,
        environmentId: environment.id,
        version: input.version,
        baseVersion: current?.version ?? null,
        requestedById: principal.user?.id ?? null,
        requestedByApiKeyId: principal.apiKey?.id ?? null,
        requestedByLabel: displayNameOf(principal),
        comment: input.comment,
      });
      recordAudit(tx, {
        workspaceId: prompt.workspaceId,
        actor: actorOf(principal),
        action: "promotion.requested",
        objectType: "promotion_request",
        objectId: request.id,
        after: { prompt: prompt.name, environment: environment.slug, version: input.version, from: current?.version ?? null, comment: input.comment },
      });
      return { requestId: request.id, environment: environment.name, version: input.version };
    },
    { behavior: "immediate" },
  );
}

function loadPendingRequest(tx: DbOrTx, principal: Principal, requestId: string) {
  const request = findPromotionRequest(tx, { requestId });
  requireSameWorkspace(principal, request, "That promotion request");
  if (request.status !== "pending") {
    throw new AppError("conflict:deployment", `This request is already ${request.status}.`);
  }
  return request;
}

/**
 * The four-eyes rule: whoever requested a promotion cannot decide it. A request made with an API key is its owner's
 * (requestedById is the owner), and a key's own id is checked too, for rows written before owners were recorded.
 */
function refuseOwnRequest(tx: DbOrTx, approver: UserPrincipal, request: { requestedById: string | null; requestedByApiKeyId: string | null }, verb: string) {
  const viaOwnKey = request.requestedByApiKeyId !== null && findApiKeyById(tx, { apiKeyId: request.requestedByApiKeyId })?.createdById === approver.user.id;
  if (request.requestedById === approver.user.id || viaOwnKey) {
    throw new AppError("forbidden:deployment", `You requested this promotion, so another lead or admin must ${verb} it.`);
  }
}

/**
 * Applies the requested move, atomically. Stale requests (the environment moved after the request was made)
 * are refused with 409 and closed as "stale", so the requester re-requests against what is served now.
 */
export function approvePromotion(approver: UserPrincipal, input: z.infer<typeof decideRequestSchema>) {
  requirePermission(approver, "deployments:approve");
  const db = getDb();
  const outcome = db.transaction(
    (tx) => {
      const request = loadPendingRequest(tx, approver, input.requestId);
      refuseOwnRequest(tx, approver, request, "approve");
      const target = loadTarget(tx, approver, request);
      const current = findPointer(tx, { environmentId: target.environment.id, promptId: target.prompt.id });
      if ((current?.version ?? null) !== request.baseVersion) {
        closePromotionRequest(tx, {
          requestId: request.id,
          status: "stale",
          decidedById: approver.user.id,
          decidedByLabel: displayNameOf(approver),
          decisionReason: `${target.environment.name} moved to v${current?.version} after this request was made.`,
        });
        recordAudit(tx, {
          workspaceId: request.workspaceId,
          actor: actorOf(approver),
          action: "promotion.stale",
          objectType: "promotion_request",
          objectId: request.id,
          after: { expected: request.baseVersion, actual: current?.version ?? null },
        });
        return { stale: true as const, environment: target.environment.name, actual: current?.version ?? null, base: request.baseVersion };
      }
      const gate = checkEvalGate(target.environment, { promptId: target.prompt.id, version: request.version });
      if (gateBlocksApproval(gate)) {
        throw new AppError("conflict:deployment", describeGateBlock(gate, request.version, target.environment.name), { details: { gate } });
      }
      const deployment = applyMove(tx, approver, target, {
        toVersion: request.version,
        kind: "promotion",
        comment: request.comment,
        requestedById: request.requestedById,
        requestedByLabel: request.requestedByLabel,
        approvedBy: approver,
        requestId: request.id,
      });
      closePromotionRequest(tx, {
        requestId: request.id,
        status: "approved",
        decidedById: approver.user.id,
        decidedByLabel: displayNameOf(approver),
        decisionReason: input.reason || null,
      });
      recordAudit(tx, {
        workspaceId: request.workspaceId,
        actor: actorOf(approver),
        action: "promotion.approved",
        objectType: "promotion_request",
        objectId: request.id,
        after: { prompt: target.prompt.name, environment: target.environment.slug, version: request.version, reason: input.reason },
      });
      return { stale: false as const, deploymentId: deployment.id, environment: target.environment.name, version: request.version };
    },
    { behavior: "immediate" },
  );
  if (outcome.stale) {
    throw new AppError(
      "conflict:deployment",
      `Stale request: ${outcome.environment} served v${outcome.base ?? "none"} when it was made and serves v${outcome.actual ?? "none"} now. Ask for a new promotion.`,
    );
  }
  return afterMove(outcome);
}

export function rejectPromotion(approver: UserPrincipal, input: z.infer<typeof rejectRequestSchema>) {
  requirePermission(approver, "deployments:approve");
  return getDb().transaction(
    (tx) => {
      const request = loadPendingRequest(tx, approver, input.requestId);
      refuseOwnRequest(tx, approver, request, "reject");
      closePromotionRequest(tx, {
        requestId: request.id,
        status: "rejected",
        decidedById: approver.user.id,
        decidedByLabel: displayNameOf(approver),
        decisionReason: input.reason,
      });
      recordAudit(tx, {
        workspaceId: request.workspaceId,
        actor: actorOf(approver),
        action: "promotion.rejected",
        objectType: "promotion_request",
        objectId: request.id,
        after: { version: request.version, reason: input.reason },
      });
      return { rejected: true };
    },
    { behavior: "immediate" },
  );
}

/** The requester (member or key) takes back a pending request. */
export function withdrawPromotion(principal: Principal, input: z.infer<typeof withdrawRequestSchema>) {
  requirePermission(principal, "deployments:request");
  return getDb().transaction(
    (tx) => {
      const request = loadPendingRequest(tx, principal, input.requestId);
      // A member's requests are theirs whether made in the studio or with one of their keys, and a key's are its own.
      const own =
        (request.requestedById !== null && request.requestedById === principal.user?.id) ||
        (principal.apiKey !== undefined && request.requestedByApiKeyId === principal.apiKey.id);
      if (!own) throw new AppError("forbidden:deployment", "Only the requester can withdraw a promotion request.");
      closePromotionRequest(tx, {
        requestId: request.id,
        status: "withdrawn",
        decidedById: principal.user?.id ?? null,
        decidedByLabel: displayNameOf(principal),
        decisionReason: null,
      });
      recordAudit(tx, {
        workspaceId: request.workspaceId,
        actor: actorOf(principal),
        action: "promotion.withdrawn",
        objectType: "promotion_request",
        objectId: request.id,
        after: { version: request.version },
      });
      return { withdrawn: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * Undoes the environment's current deployment: it serves again the version of the newest earlier deployment still
 * in effect whose version is older (lib/releases/rollback-target.ts). Never a newer version: that is a promotion
 * and goes through a request and an approval. `toVersion` must be the target the caller was shown, so a rollback
 * that raced another move is refused instead of going somewhere nobody looked at.
 */
export function rollbackEnvironment(principal: UserPrincipal, input: z.infer<typeof rollbackSchema>) {
  requirePermission(principal, "deployments:rollback");
  return afterMove(getDb().transaction(
    (tx) => {
      const target = loadTarget(tx, principal, input);
      const { prompt, environment } = target;
      const current = findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
      if (current && input.toVersion > current.version) {
        throw new AppError(
          "forbidden:deployment",
          `v${input.toVersion} is newer than the v${current.version} ${environment.name} serves: serving it again is a promotion, so request one and a lead will review it.`,
        );
      }
      const rollback = rollbackTarget(listEnvironmentMoves(tx, { environmentId: environment.id, promptId: prompt.id }));
      if (!current || !rollback || rollback.served !== current.version) {
        throw new AppError("conflict:deployment", `${environment.name} has no earlier version of "${prompt.name}" to roll back to.`);
      }
      if (rollback.version !== input.toVersion) {
        throw new AppError(
          "conflict:deployment",
          `${environment.name} would roll back to v${rollback.version}, not v${input.toVersion}: it has moved since you looked. Reload and try again.`,
        );
      }
      const deployment = applyMove(tx, principal, target, {
        toVersion: rollback.version,
        kind: "rollback",
        comment: input.comment || `Rolled back from v${current.version}`,
        requestedById: principal.user.id,
        requestedByLabel: displayNameOf(principal),
        reverts: rollback.reverts,
      });
      return { deploymentId: deployment.id, environment: environment.name, version: rollback.version, from: current.version };
    },
    { behavior: "immediate" },
  ));
}
