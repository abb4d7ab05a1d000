import type { ScorerFn } from "./registry";

// Substring checks, with promptfoo's semantics: `contains` is case-sensitive, `icontains` lowercases both sides,
// `contains-any` passes on the first value found and `contains-all` needs every value (ignoreCase for i-variants).

const quote = (value: string) => `"${value.length > 80 ? `${value.slice(0, 77)}...` : value}"`;

function containsVerdict(found: boolean, value: string, ignoreCase: boolean) {
  const what = `${quote(value)}${ignoreCase ? " (ignoring case)" : ""}`;
  return { score: found ? 1 : 0, passed: found, reason: found ? `Output contains ${what}.` : `Output does not contain ${what}.` };
}

export const containsScorer: ScorerFn<"contains"> = (params, ctx) =>
  containsVerdict(ctx.output.includes(params.value), params.value, false);

export const icontainsScorer: ScorerFn<"icontains"> = (params, ctx) =>
  containsVerdict(ctx.output.toLowerCase().includes(params.value.toLowerCase()), params.value, true);

function matcher(output: string, ignoreCase: boolean) {
  const haystack = ignoreCase ? output.toLowerCase() : output;
  return (value: string) => haystack.includes(ignoreCase ? value.toLowerCase() : value);
}

export const containsAnyScorer: ScorerFn<"contains-any"> = ({ values, ignoreCase }, ctx) => {
  const found = values.find(matcher(ctx.output, ignoreCase));
  const how = ignoreCase ? " (ignoring case)" : "";
  return found !== undefined
    ? { score: 1, passed: true, reason: `Output contains ${quote(found)}${how}.` }
    : { score: 0, passed: false, reason: `Output contains none of ${values.map(quote).join(", ")}${how}.` };
};

/** Score is the share of values found, so a near miss reads differently from a total miss; passing needs all. */
export const containsAllScorer: ScorerFn<"contains-all"> = ({ values, ignoreCase }, ctx) => {
  const has = matcher(ctx.output, ignoreCase);
  const missing = values.filter((value) => !has(value));
  const how = ignoreCase ? " (ignoring case)" : "";
  return missing.length === 0
    ? { score: 1, passed: true, reason: `Output contains all ${values.length} values${how}.` }
    : { score: (values.length - missing.length) / values.length, passed: false, reason: `Output is missing ${missing.map(quote).join(", ")}${how}.` };
};

export const startsWithScorer: ScorerFn<"starts-with"> = ({ value }, ctx) => {
  const passed = ctx.output.startsWith(value);
  return { score: passed ? 1 : 0, passed, reason: passed ? `Output starts with ${quote(value)}.` : `Output does not start with ${quote(value)}.` };
};
