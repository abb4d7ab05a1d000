import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { promotionRequests, type PromotionStatus } from "@/db/schema";
import { can, requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { displayNameOf, type Principal, type UserPrincipal } from "@/lib/platform/auth/principal";
import { findApiKeyById } from "@/lib/platform/api-keys/queries";
import { actorOf, recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findPointer } from "@/lib/serving/server";
import { checkGates, describeFailedGates } from "./compliance-gates";
import { lintReportOf, lintVersion } from "./lint-context";
import { afterMove, applyMove, loadTarget, requireVersion } from "./manage-deployments";
import { findPendingRequest, findPromotionRequest } from "./queries";
import type { GateOverride } from "@/lib/core/vocabulary/compliance";
import type { GateCheck } from "./gate-results";
import type { decideRequestSchema, moveEnvironmentSchema, rejectRequestSchema, withdrawRequestSchema } from "./schemas";

// Promotion requests to protected environments: asking, approving (four-eyes: never the requester's own),
// rejecting and withdrawing. The only module that writes promotion_requests; an approval moves the environment
// through manage-deployments.ts's applyMove in the same transaction.

/** Asks for a protected environment to move; a lead or admin other than the requester decides. */
export async function requestPromotion(principal: Principal, input: z.infer<typeof moveEnvironmentSchema>) {
  requirePermission(principal, "deployments:request");
  return transaction(async (tx) => {
    const target = await loadTarget(tx, principal, input);
    const { prompt, environment } = target;
    if (!environment.isProtected) {
      throw new AppError("bad_request:deployment", `${environment.name} is not protected: deploy to it directly.`);
    }
    await requireVersion(tx, prompt, input.version);
    const current = await findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
    if (current?.version === input.version) {
      throw new AppError("conflict:deployment", `${environment.name} already serves v${input.version}.`);
    }
    if (await findPendingRequest(tx, { promptId: prompt.id, environmentId: environment.id, version: input.version })) {
      throw new AppError("conflict:deployment", `A request to promote v${input.version} to ${environment.name} is already pending.`);
    }
    // The linter's verdict on what is asked for, kept with the request; silenced rules reach the audit with their reason.
    const lintReport = lintReportOf((await lintVersion(tx, { workspaceId: prompt.workspaceId, promptId: prompt.id, version: input.version, protectedTarget: true })) ?? []);
    const request = await insertPromotionRequest(tx, {
      workspaceId: prompt.workspaceId,
      promptId: prompt.id,
      environmentId: environment.id,
      version: input.version,
      baseVersion: current?.version ?? null,
      requestedById: principal.user?.id ?? null,
      requestedByApiKeyId: principal.apiKey?.id ?? null,
      requestedByLabel: displayNameOf(principal),
      comment: input.comment,
      lintReport,
    });
    const silenced = lintReport.findings.filter((f) => f.silencedReason !== undefined).map((f) => ({ ruleId: f.ruleId, reason: f.silencedReason }));
    await recordAudit(tx, {
      workspaceId: prompt.workspaceId,
      actor: actorOf(principal),
      action: "promotion.requested",
      objectType: "promotion_request",
      objectId: request.id,
      after: {
        prompt: prompt.name,
        environment: environment.slug,
        version: input.version,
        from: current?.version ?? null,
        comment: input.comment,
        lint: { errors: lintReport.errors, warnings: lintReport.warnings, silenced },
      },
    });
    return { requestId: request.id, environment: environment.name, version: input.version, lint: { errors: lintReport.errors, warnings: lintReport.warnings } };
  });
}

/**
 * Failed gates block an approval; only an admin may approve anyway, and only with a reason, which is stored on the
 * request with the failed gates. A lead sees the failed gates' sentences.
 */
function overrideOf(approver: UserPrincipal, gates: GateCheck, reason: string | undefined, sentences: string[]): GateOverride {
  const blocked = sentences.join(" ");
  if (reason === undefined) throw new AppError("conflict:deployment", blocked, { details: { gates } });
  if (!can(approver.role, "settings:manage")) {
    throw new AppError("forbidden:deployment", `Only an admin can approve over failed gates. ${blocked}`, { details: { gates } });
  }
  return { userId: approver.user.id, label: displayNameOf(approver), reason, failed: gates.failed, at: Date.now() };
}

async function loadPendingRequest(tx: DbOrTx, principal: Principal, requestId: string) {
  const request = await findPromotionRequest(tx, { requestId });
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
async function refuseOwnRequest(tx: DbOrTx, approver: UserPrincipal, request: { requestedById: string | null; requestedByApiKeyId: string | null }, verb: string) {
  const viaOwnKey = request.requestedByApiKeyId !== null && (await findApiKeyById(tx, { apiKeyId: request.requestedByApiKeyId }))?.createdById === approver.user.id;
  if (request.requestedById === approver.user.id || viaOwnKey) {
    throw new AppError("forbidden:deployment", `You requested this promotion, so another lead or admin must ${verb} it.`);
  }
}

/**
 * Applies the requested move, atomically. Stale requests (the environment moved after the request was made)
 * are refused with 409 and closed as "stale", so the requester re-requests against what is served now.
 */
export async function approvePromotion(approver: UserPrincipal, input: z.infer<typeof decideRequestSchema>) {
  requirePermission(approver, "deployments:approve");
  const outcome = await transaction(async (tx) => {
    const request = await loadPendingRequest(tx, approver, input.requestId);
    await refuseOwnRequest(tx, approver, request, "approve");
    const target = await loadTarget(tx, approver, request);
    const current = await findPointer(tx, { environmentId: target.environment.id, promptId: target.prompt.id });
    if ((current?.version ?? null) !== request.baseVersion) {
      await closePromotionRequest(tx, {
        requestId: request.id,
        status: "stale",
        decidedById: approver.user.id,
        decidedByLabel: displayNameOf(approver),
        decisionReason: `${target.environment.name} moved to v${current?.version} after this request was made.`,
      });
      await recordAudit(tx, {
        workspaceId: request.workspaceId,
        actor: actorOf(approver),
        action: "promotion.stale",
        objectType: "promotion_request",
        objectId: request.id,
        after: { expected: request.baseVersion, actual: current?.version ?? null },
      });
      return { stale: true as const, environment: target.environment.name, actual: current?.version ?? null, base: request.baseVersion };
    }
    const gates = await checkGates(target.environment, { promptId: target.prompt.id, version: request.version }, tx);
    const override = gates.failed.length > 0 ? overrideOf(approver, gates, input.overrideReason, describeFailedGates(gates, request.version, target.environment.name)) : null;
    const deployment = await applyMove(tx, approver, target, {
      toVersion: request.version,
      kind: "promotion",
      comment: request.comment,
      requestedById: request.requestedById,
      requestedByLabel: request.requestedByLabel,
      approvedBy: approver,
      requestId: request.id,
    });
    await closePromotionRequest(tx, {
      requestId: request.id,
      status: "approved",
      decidedById: approver.user.id,
      decidedByLabel: displayNameOf(approver),
      decisionReason: input.reason || null,
      gateOverride: override,
    });
    if (override) {
      await recordAudit(tx, {
        workspaceId: request.workspaceId,
        actor: actorOf(approver),
        action: "promotion.gates_overridden",
        objectType: "promotion_request",
        objectId: request.id,
        after: { prompt: target.prompt.name, environment: target.environment.slug, version: request.version, failed: override.failed, reason: override.reason },
      });
    }
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actor: actorOf(approver),
      action: "promotion.approved",
      objectType: "promotion_request",
      objectId: request.id,
      after: { prompt: target.prompt.name, environment: target.environment.slug, version: request.version, reason: input.reason },
    });
    return { stale: false as const, deploymentId: deployment.id, environment: target.environment.name, version: request.version };
  });
  if (outcome.stale) {
    throw new AppError(
      "conflict:deployment",
      `Stale request: ${outcome.environment} served v${outcome.base ?? "none"} when it was made and serves v${outcome.actual ?? "none"} now. Ask for a new promotion.`,
    );
  }
  return afterMove(outcome);
}

export async function rejectPromotion(approver: UserPrincipal, input: z.infer<typeof rejectRequestSchema>) {
  requirePermission(approver, "deployments:approve");
  return transaction(async (tx) => {
    const request = await loadPendingRequest(tx, approver, input.requestId);
    await refuseOwnRequest(tx, approver, request, "reject");
    await closePromotionRequest(tx, {
      requestId: request.id,
      status: "rejected",
      decidedById: approver.user.id,
      decidedByLabel: displayNameOf(approver),
      decisionReason: input.reason,
    });
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actor: actorOf(approver),
      action: "promotion.rejected",
      objectType: "promotion_request",
      objectId: request.id,
      after: { version: request.version, reason: input.reason },
    });
    return { rejected: true };
  });
}

/** The requester (member or key) takes back a pending request. */
export async function withdrawPromotion(principal: Principal, input: z.infer<typeof withdrawRequestSchema>) {
  requirePermission(principal, "deployments:request");
  return transaction(async (tx) => {
    const request = await loadPendingRequest(tx, principal, input.requestId);
    // A member's requests are theirs whether made in the studio or with one of their keys, and a key's are its own.
    const own =
      (request.requestedById !== null && request.requestedById === principal.user?.id) ||
      (principal.apiKey !== undefined && request.requestedByApiKeyId === principal.apiKey.id);
    if (!own) throw new AppError("forbidden:deployment", "Only the requester can withdraw a promotion request.");
    await closePromotionRequest(tx, {
      requestId: request.id,
      status: "withdrawn",
      decidedById: principal.user?.id ?? null,
      decidedByLabel: displayNameOf(principal),
      decisionReason: null,
    });
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actor: actorOf(principal),
      action: "promotion.withdrawn",
      objectType: "promotion_request",
      objectId: request.id,
      after: { version: request.version },
    });
    return { withdrawn: true };
  });
}

function insertPromotionRequest(tx: DbOrTx, values: typeof promotionRequests.$inferInsert) {
  return only(tx.insert(promotionRequests).values(values).returning());
}

async function closePromotionRequest(
  tx: DbOrTx,
  values: {
    requestId: string;
    status: Exclude<PromotionStatus, "pending">;
    decidedById: string | null;
    decidedByLabel: string | null;
    decisionReason: string | null;
    gateOverride?: GateOverride | null;
  },
) {
  await tx
    .update(promotionRequests)
    .set({
      status: values.status,
      decidedById: values.decidedById,
      decidedByLabel: values.decidedByLabel,
      decisionReason: values.decisionReason,
      decidedAt: new Date(),
      ...(values.gateOverride ? { gateOverride: values.gateOverride } : {}),
    })
    .where(and(eq(promotionRequests.id, values.requestId), eq(promotionRequests.status, "pending")));
}
