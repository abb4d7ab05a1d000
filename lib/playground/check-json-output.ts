import "server-only";
import Ajv, { type ValidateFunction } from "ajv";
import type { ModelConfig } from "@/lib/prompts/content";
import { parseJsonOutput } from "./json-output";
import type { JsonCheck } from "./types";

const ajv = new Ajv({ strict: false, allErrors: true });
// Compiling a schema costs far more than validating with it; versions are immutable, so their schemas repeat.
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

/** Checks a reply against the version's JSON response format; null when the format is not JSON. */
export function checkJsonOutput({ text, responseFormat }: { text: string; responseFormat: ModelConfig["responseFormat"] }): JsonCheck | null {
  if (responseFormat?.type !== "json") return null;
  const parsed = parseJsonOutput(text);
  if (!parsed.ok) return { parses: false, parseError: parsed.error, schemaChecked: false, violations: [] };
  if (!responseFormat.schema) return { parses: true, parseError: null, schemaChecked: false, violations: [] };
  let validate: ValidateFunction;
  try {
    validate = validatorFor(responseFormat.schema);
  } catch (error) {
    // Saved schemas were checked on save; a draft's may not compile yet.
    const reason = error instanceof Error ? error.message : "it does not compile";
    return { parses: true, parseError: null, schemaChecked: false, violations: [{ path: "", message: `The schema could not be used: ${reason}` }] };
  }
  const valid = validate(parsed.value);
  const violations = valid
    ? []
    : (validate.errors ?? []).map((issue) => ({
        path: issue.instancePath || "/",
        message: [issue.message ?? "is invalid", issue.keyword === "additionalProperties" ? `(${String(issue.params.additionalProperty)})` : ""].filter(Boolean).join(" "),
      }));
  return { parses: true, parseError: null, schemaChecked: true, violations };
}
