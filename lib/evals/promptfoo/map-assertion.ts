import { parse as parseYaml } from "yaml";
import type { ScorerConfig } from "@/db/schema";
import { scorerConfigSchema } from "../scorers/config";
import { DEFAULT_JUDGE_PROMPT } from "../scorers/judge-names";

// promptfoo `assert` entries → studio scorers, keeping promptfoo's pass/fail semantics (read from its
// src/assertions/*): equals compares exactly (trim: false); contains-any/all accept a list or a comma-separated
// string; icontains-* ignore case; latency/cost pass at ≤ threshold; is-json with a schema value is json-schema;
// contains-json with a schema passes when any embedded object validates. "Every test type can be negated by
// prepending not-" (promptfoo's docs): `not-<type>` maps <type> and sets `negate`. Anything that cannot be mapped
// faithfully comes back as a warning, never silently dropped or approximated.

export interface PromptfooAssertion {
  type?: unknown;
  value?: unknown;
  threshold?: unknown;
  weight?: unknown;
  metric?: unknown;
  provider?: unknown;
  transform?: unknown;
}

export type MappedAssertion = { scorer: ScorerConfig; warnings: string[] } | { scorer: null; warnings: string[] };

const text = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null);

/** promptfoo splits a string value of contains-any/all on commas, honouring double quotes. */
export function splitValues(value: unknown): string[] | null {
  if (Array.isArray(value)) {
    const items = value.map(text);
    return items.every((v): v is string => v !== null && v !== "") ? items : null;
  }
  const raw = text(value);
  if (raw === null) return null;
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter(Boolean);
}

/**
 * A schema given inline: an object, or (as promptfoo reads a string value) YAML or JSON text. null when the value
 * is not one; "file" for a file:// reference, which an upload cannot read.
 */
function inlineSchema(value: unknown): Record<string, unknown> | "file" | null {
  if (typeof value === "string") {
    if (value.trim().startsWith("file://")) return "file";
    try {
      value = parseYaml(value, { maxAliasCount: 100 });
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function build(where: string, key: string, type: ScorerConfig["type"], label: string, params: Record<string, unknown>, threshold?: number): MappedAssertion {
  const config: ScorerConfig = { key, type, label, params, ...(threshold !== undefined ? { threshold } : {}) };
  const checked = scorerConfigSchema.safeParse(config);
  if (!checked.success) return { scorer: null, warnings: [`${where}: ${type} could not be imported (${checked.error.issues[0]?.message}).`] };
  return { scorer: config, warnings: [] };
}

/** Maps one assertion; `where` names it in warnings ("test 3, assert 2"), `key` must be unique within the case. */
export function mapAssertion(assertion: PromptfooAssertion, where: string, key: string): MappedAssertion {
  const written = typeof assertion.type === "string" ? assertion.type : "";
  if (!written.startsWith("not-")) return mapPositive(assertion, where, key);
  const mapped = mapPositive({ ...assertion, type: written.slice("not-".length) }, where, key);
  if (!mapped.scorer) return { scorer: null, warnings: mapped.warnings.map((w) => w.replace(`"${written.slice(4)}"`, `"${written}"`)) };
  // The label keeps promptfoo's name (a metric name, when given, is the user's own and stays as written).
  const label = typeof assertion.metric === "string" ? mapped.scorer.label : `not-${mapped.scorer.label}`.slice(0, 200);
  return { scorer: { ...mapped.scorer, label, negate: true }, warnings: mapped.warnings };
}

function mapPositive(assertion: PromptfooAssertion, where: string, key: string): MappedAssertion {
  const type = typeof assertion.type === "string" ? assertion.type : "";
  const warnings: string[] = [];
  if (assertion.transform !== undefined) return { scorer: null, warnings: [`${where}: "${type}" uses transform, which runs code; it was not imported.`] };
  if (typeof assertion.weight === "number" && assertion.weight !== 1) warnings.push(`${where}: weight ${assertion.weight} is ignored (every scorer counts once here).`);
  const threshold = typeof assertion.threshold === "number" ? assertion.threshold : undefined;
  const label = typeof assertion.metric === "string" ? assertion.metric : null;
  const value = assertion.value;
  const named = (fallback: string) => (label ?? fallback).slice(0, 200);
  const withWarnings = (mapped: MappedAssertion): MappedAssertion => ({ scorer: mapped.scorer, warnings: [...warnings, ...mapped.warnings] });

  switch (type) {
    case "equals": {
      if (value !== null && typeof value === "object") return { scorer: null, warnings: [`${where}: equals with a JSON object value is not supported; it was not imported.`] };
      const v = text(value);
      if (v === null) return { scorer: null, warnings: [`${where}: equals needs a value.`] };
      return withWarnings(build(where, key, "equals", named(`equals "${v.slice(0, 60)}"`), { value: v, trim: false }));
    }
    case "contains":
    case "icontains":
    case "starts-with": {
      const v = text(value);
      if (!v) return { scorer: null, warnings: [`${where}: ${type} needs a value.`] };
      return withWarnings(build(where, key, type, named(`${type} "${v.slice(0, 60)}"`), { value: v }));
    }
    case "contains-any":
    case "contains-all":
    case "icontains-any":
    case "icontains-all": {
      const values = splitValues(value);
      if (!values || values.length === 0) return { scorer: null, warnings: [`${where}: ${type} needs a list of values.`] };
      const ignoreCase = type.startsWith("i");
      const base = type.replace(/^i/, "") as "contains-any" | "contains-all";
      return withWarnings(build(where, key, base, named(`${type} ${values.slice(0, 3).join(", ")}`), { values, ignoreCase }));
    }
    case "regex": {
      const v = text(value);
      if (!v) return { scorer: null, warnings: [`${where}: regex needs a pattern.`] };
      return withWarnings(build(where, key, "regex", named(`regex /${v.slice(0, 60)}/`), { pattern: v, flags: "" }));
    }
    case "is-json":
    case "contains-json": {
      // promptfoo: no value (or an empty one) checks JSON only; an object, or YAML/JSON text, is a JSON Schema.
      if (value === undefined || value === null || value === "") return withWarnings(build(where, key, type, named(type), {}));
      const schema = inlineSchema(value);
      if (schema === "file") return { scorer: null, warnings: [`${where}: ${type} with a schema from a file cannot be read from an upload; it was not imported.`] };
      if (schema === null) return { scorer: null, warnings: [`${where}: ${type}'s value is not a JSON Schema object; it was not imported.`] };
      return type === "is-json"
        ? withWarnings(build(where, key, "json-schema", named("is-json (schema)"), { schema }))
        : withWarnings(build(where, key, "contains-json", named("contains-json (schema)"), { schema }));
    }
    case "latency":
      if (threshold === undefined) return { scorer: null, warnings: [`${where}: latency needs a threshold in milliseconds.`] };
      return withWarnings(build(where, key, "latency-under", named(`latency ≤ ${threshold} ms`), { maxMs: Math.round(threshold) }));
    case "cost":
      if (threshold === undefined) return { scorer: null, warnings: [`${where}: cost needs a threshold in dollars.`] };
      return withWarnings(build(where, key, "cost-under", named(`cost ≤ $${threshold}`), { maxUsd: threshold }));
    case "llm-rubric": {
      const rubric = text(value);
      if (!rubric) return { scorer: null, warnings: [`${where}: llm-rubric needs the rubric as its value.`] };
      if (assertion.provider !== undefined) warnings.push(`${where}: llm-rubric's provider is not imported; the judge prompt's own model is used (set modelId to change it).`);
      return withWarnings(build(where, key, "llm-rubric", named(`llm-rubric: ${rubric.slice(0, 60)}`), { promptName: DEFAULT_JUDGE_PROMPT, rubric }, threshold));
    }
    default:
      return { scorer: null, warnings: [`${where}: assertion type "${type || "(none)"}" is not supported; it was not imported.`] };
  }
}
