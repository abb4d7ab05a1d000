import { schemaValidator } from "@/lib/core/json/schema-validator";
import type { ScoreVerdict } from "./config";
import type { ScorerFn } from "./registry";

// JSON checks with promptfoo's semantics: `is-json` needs the whole output to parse (no fence stripping),
// `contains-json` looks for a JSON object anywhere in the text (prose, code fences), objects only as promptfoo's
// extractor does, and with a schema passes when any one of them validates; `json-schema` parses the whole output
// and validates it.

const MAX_CANDIDATES = 200;

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The end index (exclusive) of the balanced {...} starting at `start`, honouring strings; null when unbalanced. */
function balancedEnd(text: string, start: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i + 1;
  }
  return null;
}

/** Every JSON object embedded in `text`, outermost first, left to right. */
export function extractJsonObjects(text: string): unknown[] {
  const found: unknown[] = [];
  let tried = 0;
  for (let i = text.indexOf("{"); i !== -1 && tried < MAX_CANDIDATES; tried++) {
    const end = balancedEnd(text, i);
    const parsed = end === null ? null : tryParse(text.slice(i, end));
    if (end !== null && parsed?.ok) {
      found.push(parsed.value);
      i = text.indexOf("{", end);
    } else {
      i = text.indexOf("{", i + 1);
    }
  }
  return found;
}

export const isJsonScorer: ScorerFn<"is-json"> = (_params, ctx) => {
  const parsed = tryParse(ctx.output);
  return parsed.ok
    ? { score: 1, passed: true, reason: "Output is valid JSON." }
    : { score: 0, passed: false, reason: `Output is not valid JSON: ${parsed.error}` };
};

type Validator = ReturnType<typeof schemaValidator>;

/** The compiled schema, or the error verdict that an invalid schema is (on every case, before any output is read). */
function compile(schema: Record<string, unknown>): { validate: Validator } | { verdict: ScoreVerdict } {
  try {
    return { validate: schemaValidator(schema) };
  } catch (error) {
    return { verdict: { score: null, passed: false, reason: `The JSON Schema is invalid: ${(error as Error).message}`, error: true } };
  }
}

const schemaProblems = (validate: Validator) =>
  (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`)
    .join("; ");

export const containsJsonScorer: ScorerFn<"contains-json"> = ({ schema }, ctx): ScoreVerdict => {
  const compiled = schema ? compile(schema) : null;
  if (compiled && "verdict" in compiled) return compiled.verdict;
  const objects = extractJsonObjects(ctx.output);
  const found = objects.length === 1 ? "a JSON object" : `${objects.length} JSON objects`;
  if (objects.length === 0) return { score: 0, passed: false, reason: "Output contains no JSON object." };
  if (!compiled) return { score: 1, passed: true, reason: `Output contains ${found}.` };
  const { validate } = compiled;
  const index = objects.findIndex((object) => validate(object));
  if (index >= 0) return { score: 1, passed: true, reason: `Output contains a JSON object that matches the JSON Schema (object ${index + 1} of ${objects.length}).` };
  // validate.errors now describes the last object tried.
  return { score: 0, passed: false, reason: `Output contains ${found}, but none matches the JSON Schema (last: ${schemaProblems(validate)}).` };
};

export const jsonSchemaScorer: ScorerFn<"json-schema"> = ({ schema }, ctx): ScoreVerdict => {
  const compiled = compile(schema);
  if ("verdict" in compiled) return compiled.verdict;
  const { validate } = compiled;
  const parsed = tryParse(ctx.output);
  if (!parsed.ok) return { score: 0, passed: false, reason: `Output is not valid JSON: ${parsed.error}` };
  if (validate(parsed.value)) return { score: 1, passed: true, reason: "Output matches the JSON Schema." };
  return { score: 0, passed: false, reason: `Output does not match the JSON Schema: ${schemaProblems(validate)}.` };
};
