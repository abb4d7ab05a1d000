import type { ScorerFn } from "./registry";

function containsVerdict(found: boolean, value: string, ignoreCase: boolean) {
  const what = `"${value}"${ignoreCase ? " (ignoring case)" : ""}`;
  return { score: found ? 1 : 0, passed: found, reason: found ? `Output contains ${what}.` : `Output does not contain ${what}.` };
}

export const containsScorer: ScorerFn<"contains"> = (params, ctx) =>
  containsVerdict(ctx.output.includes(params.value), params.value, false);

export const icontainsScorer: ScorerFn<"icontains"> = (params, ctx) =>
  containsVerdict(ctx.output.toLowerCase().includes(params.value.toLowerCase()), params.value, true);
