import "server-only";
import type { ValidateFunction } from "ajv";
import { isAppError } from "@/lib/core/errors";
import { schemaValidator } from "@/lib/core/json/schema-validator";
import type { ModelConfig } from "@/lib/core/vocabulary/prompt-content";
import { parseJsonOutput } from "./json-output";
import type { JsonCheck } from "./types";

/** Checks a reply against the version's JSON response format; null when the format is not JSON. */
export function checkJsonOutput({ text, responseFormat }: { text: string; responseFormat: ModelConfig["responseFormat"] }): JsonCheck | null {
  if (responseFormat?.type !== "json") return null;
  const parsed = parseJsonOutput(text);
  if (!parsed.ok) return { parses: false, parseError: parsed.error, schemaChecked: false, violations: [] };
  if (!responseFormat.schema) return { parses: true, parseError: null, schemaChecked: false, violations: [] };
  let validate: ValidateFunction;
  try {
    validate = schemaValidator(responseFormat.schema);
  } catch (error) {
    // Saved schemas were checked on save; a draft's may not compile yet.
    const reason = error instanceof Error ? error.message : "it does not compile";
    return { parses: true, parseError: null, schemaChecked: false, violations: [{ path: "", message: `The schema could not be used: ${reason}` }] };
  }
  let valid: boolean;
  try {
    valid = validate(parsed.value) as boolean;
  } catch (error) {
    // A schema pattern refused a value too long for it (lib/core/patterns/user-pattern.ts): report it, keep the reply.
    if (!isAppError(error)) throw error;
    return { parses: true, parseError: null, schemaChecked: false, violations: [{ path: "", message: error.message }] };
  }
  const violations = valid
    ? []
    : (validate.errors ?? []).map((issue) => ({
        path: issue.instancePath || "/",
        message: [issue.message ?? "is invalid", issue.keyword === "additionalProperties" ? `(${String(issue.params.additionalProperty)})` : ""].filter(Boolean).join(" "),
      }));
  return { parses: true, parseError: null, schemaChecked: true, violations };
}
