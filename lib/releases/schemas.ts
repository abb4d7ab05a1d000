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

export const decideRequestSchema = z.object({ requestId: id, reason: z.string().trim().max(2000).default("") });

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
