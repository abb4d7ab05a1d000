import Ajv, { type ValidateFunction } from "ajv";
import { ajvUserPatternEngine } from "@/lib/core/patterns/schema-patterns";

// Schemas are user-written: their patterns run on RE2, never RegExp (lib/core/patterns/user-pattern.ts).
const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: ajvUserPatternEngine } });
// Compiling a schema costs far more than validating with it, and the same schemas repeat (immutable versions,
// a run's scorers over every case), so compiled validators are kept in a small LRU keyed by the schema's JSON.
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

/** A compiled JSON Schema validator; throws when the schema does not compile. */
export function schemaValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  } else {
    compiled.delete(key);
    compiled.set(key, validate);
  }
  return validate;
}
