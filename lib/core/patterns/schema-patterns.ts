import { compileUserPattern, userPatternProblem, type UserPattern } from "./user-pattern";

// JSON Schemas carry user patterns too (`pattern`, the keys of `patternProperties`). Ajv compiles them with the
// engine below instead of RegExp, and schemas are checked with `schemaPatternProblems` when they are saved, so an
// unsupported pattern is refused then rather than failing every later validation.

/** Keywords whose values are data, not subschemas: a "pattern" key inside them is not a pattern. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples"]);

/** Every pattern in a schema, with where it is ("properties.code.pattern"). Iterative: a deep schema cannot overflow. */
export function schemaPatterns(schema: unknown): { where: string; pattern: string }[] {
  const found: { where: string; pattern: string }[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: schema, path: "" }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      const where = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && key === "pattern" && typeof child === "string") found.push({ where, pattern: child });
      if (!Array.isArray(value) && key === "patternProperties" && typeof child === "object" && child !== null) {
        for (const pattern of Object.keys(child)) found.push({ where: `${where}["${pattern}"]`, pattern });
      }
      if (!Array.isArray(value) && DATA_KEYWORDS.has(key)) continue;
      stack.push({ value: child, path: where });
    }
  }
  return found;
}

/** The first problem with a schema's patterns, in words, or null. */
export function schemaPatternProblem(schema: unknown): string | null {
  for (const { where, pattern } of schemaPatterns(schema)) {
    const problem = userPatternProblem(pattern, "");
    if (problem) return `${where}: ${problem}`;
  }
  return null;
}

/** Ajv's `code.regExp` option: JSON Schema patterns compiled by RE2 rather than RegExp. */
export const ajvUserPatternEngine = Object.assign((pattern: string): Pick<UserPattern, "test"> => compileUserPattern(pattern, ""), {
  code: "compileUserPattern",
});
