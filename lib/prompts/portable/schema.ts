// The zod schema of a prompt file. Built from the same rules the editor enforces (lib/prompts/schemas),
// plus what only a whole file can get wrong: body versus type, version numbering, labels.
import { z } from "zod";
import { chatMessageSchema, modelConfigSchema, promptNameSchema, tagSchema } from "@/lib/prompts/schemas";

export const MAX_VERSIONS_PER_FILE = 10_000;

export const labelNameSchema = z
  .string()
  .max(50, "Use at most 50 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Label names use letters, digits, ".", "_" and "-".');

export const portableMessageSchema = chatMessageSchema.strict();

export const portableVersionSchema = z
  .object({
    version: z.number().int().min(1),
    message: z.string().min(1, "Describe what changed.").max(500),
    author: z
      .string()
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, "Use the author's email address, or null.")
      .nullable(),
    createdAt: z.iso.datetime({ offset: true, message: "Use an ISO 8601 date and time, e.g. 2026-11-22T02:37:00.000Z." }),
    modelConfig: modelConfigSchema.default({}),
    template: z.string().max(1_048_576, "A template can be at most 1 MiB.").optional(),
    messages: z.array(portableMessageSchema).min(1, "A chat prompt needs at least one message.").max(100).optional(),
  })
  .strict();

export const promptFileSchema = z
  .object({
    name: promptNameSchema,
    type: z.enum(["text", "chat"]),
    description: z.string().max(2000).default(""),
    tags: z.array(tagSchema).max(20).default([]),
    archived: z.boolean().default(false),
    labels: z.record(labelNameSchema, z.number().int().min(1)).default({}),
    versions: z.array(portableVersionSchema).min(1, "A prompt file needs at least one version.").max(MAX_VERSIONS_PER_FILE),
  })
  .strict()
  // Runs even when other fields failed, so one pass reports every problem in the file.
  .superRefine((file, ctx) => checkFileConsistency(file, ctx), { when: () => true });

/** Key names per object, for "did you mean" hints on unknown keys. */
export const knownKeys = {
  file: Object.keys(promptFileSchema.shape),
  version: Object.keys(portableVersionSchema.shape),
  modelConfig: Object.keys(modelConfigSchema.shape),
  message: Object.keys(portableMessageSchema.shape),
  tool: ["name", "description", "parameters"],
  responseFormat: ["type", "schema"],
} as const;

type Issue = { path: (string | number)[]; message: string };

/** Reads the raw input defensively: it may be partly invalid, and zod reports the type errors itself. */
function checkFileConsistency(file: unknown, ctx: { addIssue: (issue: Issue & { code: "custom" }) => void }) {
  if (!isRecord(file) || !Array.isArray(file.versions)) return;
  for (const issue of consistencyIssues({ type: file.type, versions: file.versions, labels: file.labels })) {
    ctx.addIssue({ code: "custom", ...issue });
  }
}

function consistencyIssues({ type, versions, labels }: { type: unknown; versions: unknown[]; labels: unknown }): Issue[] {
  const issues: Issue[] = [];
  const numbers = new Set<number>();
  let previous: number | null = null;
  versions.forEach((version, i) => {
    if (!isRecord(version)) return;
    // A null body is already a type error from zod; only absence and presence are judged here.
    if (type === "text") {
      if (version.template === undefined) issues.push({ path: ["versions", i, "template"], message: "A text prompt's version needs a template." });
      if (version.messages != null) issues.push({ path: ["versions", i, "messages"], message: "A text prompt's versions have a template, not messages." });
    } else if (type === "chat") {
      if (version.messages === undefined) issues.push({ path: ["versions", i, "messages"], message: "A chat prompt's version needs its messages." });
      if (version.template != null) issues.push({ path: ["versions", i, "template"], message: "A chat prompt's versions have messages, not a template." });
    }
    const number = version.version;
    if (typeof number !== "number" || !Number.isInteger(number)) {
      previous = null;
      return;
    }
    // Full exports start at 1, "latest only" exports at the real number: any start, but no gaps after it.
    if (previous !== null && number !== previous + 1) {
      issues.push({ path: ["versions", i, "version"], message: `Expected version ${previous + 1} after version ${previous}: versions count up by one, without gaps.` });
    }
    previous = number;
    numbers.add(number);
  });
  if (isRecord(labels)) {
    for (const [label, number] of Object.entries(labels)) {
      if (typeof number === "number" && Number.isInteger(number) && number >= 1 && !numbers.has(number)) {
        issues.push({ path: ["labels", label], message: `Label "${label}" points at version ${number}, which this file does not contain.` });
      }
    }
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
