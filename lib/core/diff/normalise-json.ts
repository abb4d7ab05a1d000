// Canonical JSON so that configs which mean the same thing (keys in another order) compare and diff as equal.

/** A copy of a JSON-like value with every plain object's keys sorted; other values are returned as they are. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(value[key]);
  return sorted;
}

/** Keys sorted recursively, 2-space indented. Undefined (which JSON cannot express) gives "". */
export function normaliseJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value), null, 2) ?? "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Class instances (Date and the like) keep their own toJSON behaviour.
  return proto === Object.prototype || proto === null;
}
