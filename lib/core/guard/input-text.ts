// The text of a request's variables as a guard policy sees it: every string, number and boolean in the values,
// however deep (a section's list of objects included). Keys are the template's, not the caller's text, so they are
// not checked. The request's JSON nesting is already bounded (BODY_LIMITS.maxJsonDepth), so walking it recursively
// is safe.

/** Calls `visit` with each leaf's text, in order. */
export function forEachLeaf(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") visit(String(value));
  else if (Array.isArray(value)) for (const item of value) forEachLeaf(item, visit);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) forEachLeaf(item, visit);
}

/** The value with every string leaf replaced by `map(leaf)`; other leaves and the shape are kept. */
export function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}
