// Turns zod issues into ImportErrors a person can act on: a field path like "versions[2].template",
// plain messages, and a hint when an unknown key looks like a typo of a known one.
import type { z } from "zod";
import { knownKeys } from "./schema";
import type { ImportError } from "./types";

type PathKey = PropertyKey;

/** Friendlier defaults than zod's; messages written on the schema itself still win. */
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      if ((issue.path ?? []).length === 0 && issue.expected === "object") return "A prompt file must be a YAML mapping (name, type, versions, …).";
      if (issue.expected === "int") return "Use a whole number.";
      return `Expected ${issue.expected}, got ${describeValue(issue.input)}.`;
    case "too_big":
      return issue.origin === "number" ? `Must be at most ${String(issue.maximum)}.` : undefined;
    case "too_small":
      if (issue.origin !== "number") return undefined;
      return issue.inclusive ? `Must be at least ${String(issue.minimum)}.` : `Must be greater than ${String(issue.minimum)}.`;
    case "invalid_value":
      return `Use one of: ${issue.values.map((v) => String(v)).join(", ")}.`;
    default:
      return undefined;
  }
};

/**
 * One message per field: a bad value often breaks two rules at once (an empty tag is both too short and
 * off-pattern), and the second message says nothing new.
 */
export function issuesToErrors({ file, issues }: { file: string; issues: readonly z.core.$ZodIssue[] }): ImportError[] {
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = suggestKey({ key, candidates: candidatesFor(issue.path) });
        errors.push({ file, field: formatFieldPath([...issue.path, key]), message: `Unknown key "${key}".${hint ? ` Did you mean "${hint}"?` : ""}` });
      }
    } else {
      const field = formatFieldPath(issue.path);
      if (seen.has(field)) continue;
      seen.add(field);
      errors.push({ file, field, message: issue.message });
    }
  }
  return errors;
}

/** ["versions", 2, "template"] -> "versions[2].template"; the file itself is "(file)". */
export function formatFieldPath(path: readonly PathKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(file)";
}

function candidatesFor(path: readonly PathKey[]): readonly string[] {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 0) return knownKeys.file;
  if (last === "modelConfig") return knownKeys.modelConfig;
  if (last === "responseFormat") return knownKeys.responseFormat;
  if (typeof last === "number" && parent === "versions") return knownKeys.version;
  if (typeof last === "number" && parent === "messages") return knownKeys.message;
  if (typeof last === "number" && parent === "tools") return knownKeys.tool;
  return [];
}

/** The known key within two edits (or differing only in case), if exactly one is closest. */
function suggestKey({ key, candidates }: { key: string; candidates: readonly string[] }): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitution));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
