import type { ScorerConfig } from "@/db/schema";
import { userPatternProblem } from "@/lib/core/patterns/user-pattern";

// The scorer builder's editable form of a ScorerConfig, and back. Client-safe and pure. Each type is edited through
// its main parameter (a value, a list, a pattern) or, for the rest, its parameters as JSON.

export type DraftField = "value" | "optional-value" | "values" | "pattern" | "json";

export interface ScorerDraft {
  /** Stable id for React lists. */
  id: string;
  type: string;
  field: DraftField;
  text: string;
  /** Other params kept as they came (regex flags, ignoreCase...). */
  rest: Record<string, unknown>;
  threshold: string;
  label: string;
  /** Invert the verdict (promptfoo's not-…): the scorer passes when its check fails. */
  negate: boolean;
}

export function fieldForType(type: string): DraftField {
  if (["contains", "icontains", "starts-with"].includes(type)) return "value";
  if (["equals", "similarity"].includes(type)) return "optional-value";
  if (["contains-any", "contains-all"].includes(type)) return "values";
  if (type === "regex") return "pattern";
  return "json";
}

export const FIELD_LABELS: Record<DraftField, string> = {
  value: "Value",
  "optional-value": "Value (empty: the case's expected output)",
  values: "Values (one per line)",
  pattern: "Pattern",
  json: "Parameters (JSON)",
};

let counter = 0;
const nextId = () => `scorer-${++counter}`;

/** What a new scorer's JSON parameters start as, so the form shows what each type expects. */
const STARTER_PARAMS: Record<string, object> = {
  "json-schema": { schema: { type: "object", required: ["answer"] } },
  length: { min: 1, max: 500 },
  "latency-under": { maxMs: 2000 },
  "cost-under": { maxUsd: 0.01 },
  "llm-rubric": { promptName: "judges/rubric", rubric: "The reply answers the question politely and accurately." },
  topic: { topics: ["billing", "refunds"] },
};

export function newDraft(type: string): ScorerDraft {
  const field = fieldForType(type);
  const text = field === "json" ? JSON.stringify(STARTER_PARAMS[type] ?? {}, null, 2) : "";
  return { id: nextId(), type, field, text, rest: {}, threshold: "", label: "", negate: false };
}

export function toDraft(config: ScorerConfig): ScorerDraft {
  const field = fieldForType(config.type);
  const { value, values, pattern, ...rest } = config.params as { value?: unknown; values?: unknown; pattern?: unknown };
  const text =
    field === "json"
      ? JSON.stringify(config.params, null, 2)
      : field === "values"
        ? (Array.isArray(values) ? values.map(String) : []).join("\n")
        : field === "pattern"
          ? String(pattern ?? "")
          : String(value ?? "");
  return { id: nextId(), type: config.type, field, text, rest: field === "json" ? {} : rest, threshold: config.threshold === undefined ? "" : String(config.threshold), label: config.label, negate: config.negate === true };
}

function describe(type: string, params: Record<string, unknown>): string {
  if (typeof params.value === "string" && params.value) return `${type} "${params.value}"`;
  if (Array.isArray(params.values)) return `${type} ${params.values.map((v) => `"${String(v)}"`).join(", ")}`;
  if (typeof params.pattern === "string") return `${type} /${params.pattern}/`;
  return type;
}

/** The configs to send, or the first problem in words (the server validates the params again). */
export function draftsToConfigs(drafts: ScorerDraft[]): { configs: ScorerConfig[] } | { error: string } {
  const configs: ScorerConfig[] = [];
  const used = new Map<string, number>();
  for (const [index, draft] of drafts.entries()) {
    let params: Record<string, unknown>;
    if (draft.field === "json") {
      try {
        const parsed: unknown = JSON.parse(draft.text || "{}");
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { error: `Scorer ${index + 1}: the parameters must be a JSON object.` };
        params = parsed as Record<string, unknown>;
      } catch {
        return { error: `Scorer ${index + 1}: the parameters are not valid JSON.` };
      }
    } else if (draft.field === "values") {
      params = { ...draft.rest, values: draft.text.split("\n").map((v) => v.trim()).filter(Boolean) };
    } else if (draft.field === "pattern") {
      // The server refuses it too; checking here names the scorer and keeps the form as typed.
      const problem = draft.text ? userPatternProblem(draft.text, typeof draft.rest.flags === "string" ? draft.rest.flags : "") : null;
      if (problem) return { error: `Scorer ${index + 1}: ${problem}` };
      params = { ...draft.rest, pattern: draft.text };
    } else if (draft.field === "optional-value" && draft.text === "") {
      params = { ...draft.rest };
    } else {
      params = { ...draft.rest, value: draft.text };
    }
    let threshold: number | undefined;
    if (draft.threshold.trim() !== "") {
      threshold = Number(draft.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) return { error: `Scorer ${index + 1}: the threshold must be between 0 and 1.` };
    }
    const n = (used.get(draft.type) ?? 0) + 1;
    used.set(draft.type, n);
    configs.push({
      key: `${draft.type}-${n}`,
      type: draft.type,
      label: draft.label.trim() || describe(draft.negate ? `not-${draft.type}` : draft.type, params),
      params,
      ...(threshold === undefined ? {} : { threshold }),
      ...(draft.negate ? { negate: true } : {}),
    });
  }
  return { configs };
}
