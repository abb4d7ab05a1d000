import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { environments } from "@/db/schema";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findDatasetById } from "@/lib/datasets/server";
import { findEnvironmentById, findEnvironmentBySlug, listEnvironments } from "@/lib/serving/server";
import type { ComplianceGates } from "@/lib/core/vocabulary/compliance";
import type { createEnvironmentSchema, setComplianceGatesSchema, setEnvironmentGateSchema, setEnvironmentProtectedSchema } from "./schemas";

// Admins add custom environments (tenant-a, canary) and choose which are protected. Environments are never
// deleted: their deployment history must stay readable.

export async function createEnvironment(ctx: AuthContext, input: z.infer<typeof createEnvironmentSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    if (await findEnvironmentBySlug(tx, { workspaceId: ctx.workspaceId, slug: input.slug })) {
      throw new AppError("conflict:environment", `An environment "${input.slug}" already exists.`);
    }
    const position = Math.max(0, ...(await listEnvironments(tx, { workspaceId: ctx.workspaceId })).map((e) => e.position)) + 10;
    const environment = await insertEnvironment(tx, { workspaceId: ctx.workspaceId, ...input, position });
    await recordAuditBy(tx, ctx, {
      action: "environment.created",
      objectType: "environment",
      objectId: environment.id,
      after: { slug: environment.slug, name: environment.name, isProtected: environment.isProtected },
    });
    return { id: environment.id, slug: environment.slug };
  });
}

export async function setEnvironmentProtected(ctx: AuthContext, input: z.infer<typeof setEnvironmentProtectedSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    const environment = await findEnvironmentById(tx, { environmentId: input.environmentId });
    requireSameWorkspace(ctx, environment, "That environment");
    if (environment.isProtected === input.isProtected) return { changed: false };
    await updateEnvironmentProtection(tx, { environmentId: environment.id, isProtected: input.isProtected });
    await recordAuditBy(tx, ctx, {
      action: input.isProtected ? "environment.protected" : "environment.unprotected",
      objectType: "environment",
      objectId: environment.id,
      before: { isProtected: environment.isProtected },
      after: { isProtected: input.isProtected },
    });
    return { changed: true };
  });
}

/** Attaches (or clears) an eval gate: approvals to this environment then need a completed evaluation that reaches it. */
export async function setEnvironmentGate(ctx: AuthContext, input: z.infer<typeof setEnvironmentGateSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    const environment = await findEnvironmentById(tx, { environmentId: input.environmentId });
    requireSameWorkspace(ctx, environment, "That environment");
    if (input.datasetId) requireSameWorkspace(ctx, await findDatasetById(tx, { datasetId: input.datasetId }), "That dataset");
    const gate = input.datasetId ? { datasetId: input.datasetId, minPassRate: input.minPassRate ?? 100 } : { datasetId: null, minPassRate: null };
    await updateEnvironmentGate(tx, { environmentId: environment.id, ...gate });
    await recordAuditBy(tx, ctx, {
      action: gate.datasetId ? "environment.gate_set" : "environment.gate_cleared",
      objectType: "environment",
      objectId: environment.id,
      before: { datasetId: environment.gateDatasetId, minPassRate: environment.gateMinPassRate },
      after: gate,
    });
    return gate;
  });
}

/** The compliance gates an approval to this environment must pass (issue 19); an admin's choice, audited. */
export async function setComplianceGates(ctx: AuthContext, input: z.infer<typeof setComplianceGatesSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    const environment = await findEnvironmentById(tx, { environmentId: input.environmentId });
    requireSameWorkspace(ctx, environment, "That environment");
    const { environmentId: _, ...chosen } = input;
    // Only what is required is stored: {} means no compliance gate.
    const gates: ComplianceGates = {
      ...(chosen.noLintErrors ? { noLintErrors: true } : {}),
      ...(chosen.maxAttackSuccessRate !== null ? { maxAttackSuccessRate: chosen.maxAttackSuccessRate } : {}),
      ...(chosen.maxCostPerCallUsd !== null ? { maxCostPerCallUsd: chosen.maxCostPerCallUsd } : {}),
      ...(chosen.maxP95LatencyMs !== null ? { maxP95LatencyMs: chosen.maxP95LatencyMs } : {}),
      ...(chosen.monthlyVolume !== null ? { monthlyVolume: chosen.monthlyVolume } : {}),
    };
    await tx.update(environments).set({ complianceGates: gates }).where(eq(environments.id, environment.id));
    await recordAuditBy(tx, ctx, {
      action: "environment.compliance_gates_set",
      objectType: "environment",
      objectId: environment.id,
      before: environment.complianceGates,
      after: gates,
    });
    return gates;
  });
}

function insertEnvironment(tx: DbOrTx, values: typeof environments.$inferInsert) {
  return only(tx.insert(environments).values(values).returning());
}

async function updateEnvironmentProtection(tx: DbOrTx, { environmentId, isProtected }: { environmentId: string; isProtected: boolean }): Promise<void> {
  await tx.update(environments).set({ isProtected }).where(eq(environments.id, environmentId));
}

async function updateEnvironmentGate(tx: DbOrTx, { environmentId, datasetId, minPassRate }: { environmentId: string; datasetId: string | null; minPassRate: number | null }): Promise<void> {
  await tx.update(environments).set({ gateDatasetId: datasetId, gateMinPassRate: minPassRate }).where(eq(environments.id, environmentId));
}
