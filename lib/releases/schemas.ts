import { z } from "zod";

// Environment ids come from a SQL trigger (hex) or crypto.randomUUID(), so accept any short id.
const id = z.string().trim().min(1).max(64);
const comment = z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default("");

export const moveEnvironmentSchema = z.object({
  promptId: id,
  environmentId: id,
  version: z.coerce.number().int().positive("Choose a version."),
  comment,
});

/** `overrideReason`: an admin approves although gates failed; recorded with the failed gates and audited. */
export const decideRequestSchema = z.object({
  requestId: id,
  reason: z.string().trim().max(2000).default(""),
  overrideReason: z.string().trim().min(10, "Say why in at least 10 characters: the reason is audited.").max(2000).optional(),
});

export const rejectRequestSchema = z.object({
  requestId: id,
  reason: z.string().trim().min(1, "Say why you are rejecting it, so the requester can act on it.").max(2000),
});

export const withdrawRequestSchema = z.object({ requestId: id });

/** `toVersion` is the target the caller was shown; the server refuses any other (a newer one above all). */
export const rollbackSchema = z.object({
  promptId: id,
  environmentId: id,
  toVersion: z.coerce.number().int().positive("Choose the version to roll back to."),
  comment,
});

export const createEnvironmentSchema = z.object({
  name: z.string().trim().min(1, "Name the environment.").max(40),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, "Use lowercase letters, digits and dashes, starting with a letter (e.g. tenant-a).")
    .refine((s) => s !== "latest", '"latest" is reserved: it always means the newest version.'),
  isProtected: z.boolean().default(false),
});

export const setEnvironmentProtectedSchema = z.object({ environmentId: id, isProtected: z.boolean() });
/** No dataset clears the gate; the pass rate is a whole percentage. */
export const setEnvironmentGateSchema = z.object({
  environmentId: id,
  datasetId: z.string().min(1).nullable(),
  minPassRate: z.number().int("Use a whole percentage.").min(0).max(100, "A pass rate is at most 100%.").nullable(),
});

/** The compliance gates of a protected environment; a null or absent field requires nothing. Rates are fractions. */
export const setComplianceGatesSchema = z.object({
  environmentId: id,
  noLintErrors: z.boolean(),
  maxAttackSuccessRate: z.number().min(0).max(1, "An attack success rate is at most 100%.").nullable(),
  maxCostPerCallUsd: z.number().positive("A budget is more than $0.").max(1000).nullable(),
  maxP95LatencyMs: z.number().int("Use whole milliseconds.").positive("A budget is more than 0 ms.").max(3_600_000).nullable(),
  monthlyVolume: z.number().int("Use a whole number of calls.").positive().max(1e12).nullable(),
});

/** GET /api/v1/lint: every active prompt's latest version, linted with the workspace's context and severities. */
export const workspaceLintSchema = z.object({
  prompts: z.array(
    z.object({
      name: z.string(),
      version: z.number().int().positive(),
      findings: z.array(
        z.object({
          ruleId: z.string(),
          severity: z.enum(["error", "warning", "info"]),
          message: z.string(),
          line: z.number().int().min(1),
          column: z.number().int().min(1),
          endLine: z.number().int().min(1),
          endColumn: z.number().int().min(1),
          silencedReason: z.string().optional(),
        }),
      ),
    }),
  ),
  rules: z.array(z.object({ id: z.string(), severity: z.enum(["error", "warning", "info"]), summary: z.string(), rationale: z.string() })),
  /** More prompts than one answer lints (WORKSPACE_LINT_MAX); the first ones by name were linted. */
  truncated: z.boolean(),
});
export type WorkspaceLint = z.infer<typeof workspaceLintSchema>;
