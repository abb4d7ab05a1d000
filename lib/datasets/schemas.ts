import { z } from "zod";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";

// Inputs of the dataset actions and routes, validated at the boundary. Limits keep one case and one dataset small
// enough to render, copy into a run and export without surprises.

export const DATASET_LIMITS = {
  maxCases: 10_000,
  maxVariables: 50,
  maxValueChars: 100_000,
  maxTags: 20,
  maxImportBytes: 5 * 1024 * 1024,
  /** Columns (CSV) or keys (JSONL) of an imported file: more variables than a case holds, plus the other fields. */
  maxImportColumns: 200,
} as const;

/** A variable name as templates can use it: {{customer_name}}. */
export const variableNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, "Use letters, digits, _ and -, starting with a letter or _ (at most 64 characters).");

const datasetName = z
  .string()
  .trim()
  .min(1, "Give the dataset a name.")
  .max(120, "Keep the name under 120 characters.")
  .regex(/^[^\s/][^/]*$/, "Names cannot contain '/'.");

export const createDatasetSchema = z.object({ name: datasetName, description: z.string().trim().max(2_000).default("") });
export const updateDatasetSchema = z.object({ datasetId: z.string().min(1), name: datasetName, description: z.string().trim().max(2_000) });
export const archiveDatasetSchema = z.object({ datasetId: z.string().min(1), archived: z.boolean() });

export const caseVariablesSchema = z
  .record(z.string(), z.string().max(DATASET_LIMITS.maxValueChars, "A value is longer than 100,000 characters."))
  .superRefine((vars, ctx) => {
    const names = Object.keys(vars);
    if (names.length > DATASET_LIMITS.maxVariables) ctx.addIssue({ code: "custom", message: `A case can have at most ${DATASET_LIMITS.maxVariables} variables.` });
    for (const name of names) {
      const valid = variableNameSchema.safeParse(name);
      // zod's own record-key error says only "Invalid key"; this one says which name and why.
      if (!valid.success) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid variable name. ${valid.error.issues[0]?.message}` });
    }
  });

export const caseTagsSchema = z.array(z.string().trim().min(1).max(50, "Keep tags under 50 characters.")).max(DATASET_LIMITS.maxTags);

export const caseFieldsSchema = z.object({
  variables: caseVariablesSchema,
  expectedOutput: z.string().max(DATASET_LIMITS.maxValueChars).nullable(),
  tags: caseTagsSchema,
  note: z.string().max(2_000, "Keep notes under 2,000 characters."),
});
export type CaseFields = z.infer<typeof caseFieldsSchema>;

export const addCaseSchema = z.object({ datasetId: z.string().min(1), fields: caseFieldsSchema.partial().default({}) });
export const updateCaseSchema = z.object({ caseId: z.string().min(1), fields: caseFieldsSchema.partial() });
export const deleteCaseSchema = z.object({ caseId: z.string().min(1) });

export const addCaseFromRunSchema = z.object({
  runId: z.string().min(1),
  /** An existing dataset, or the name of a new one. */
  datasetId: z.string().min(1).optional(),
  newDatasetName: datasetName.optional(),
  useOutputAsExpected: z.boolean().default(true),
});

/** "Generate red-team dataset": which prompt version, which attack families, and optional paraphrases by a model. */
export const generateRedTeamSchema = z
  .object({
    promptId: z.string().min(1).max(64),
    /** Absent: the prompt's latest version. */
    version: z.number().int().positive().optional(),
    categories: z.array(z.enum(ATTACK_CATEGORIES)).min(1, "Choose at least one attack category.").max(ATTACK_CATEGORIES.length),
    paraphrase: z.boolean().default(false),
    /** The model that writes the paraphrases; required with `paraphrase`. */
    paraphraseModelId: z.string().min(1).max(200).optional(),
    /** Absent: "red-team <prompt> v<version>", numbered when taken. */
    name: datasetName.optional(),
  })
  .refine((input) => !input.paraphrase || input.paraphraseModelId, { path: ["paraphraseModelId"], message: "Choose the model that writes the paraphrases." });
