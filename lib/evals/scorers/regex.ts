import { compileUserPattern } from "@/lib/core/patterns/user-pattern";
import type { ScorerFn } from "./registry";

// The pattern runs on RE2 (lib/core/patterns/user-pattern.ts), which takes time linear in the output: no pattern can
// backtrack for minutes and stall the server. A pattern RE2 cannot run, or an output too long for the pattern's
// size, is an error verdict naming the reason.
export const regexScorer: ScorerFn<"regex"> = ({ pattern, flags }, ctx) => {
  const shown = `/${pattern}/${flags}`;
  const passed = compileUserPattern(pattern, flags).test(ctx.output);
  return { score: passed ? 1 : 0, passed, reason: passed ? `Output matches ${shown}.` : `Output does not match ${shown}.` };
};
