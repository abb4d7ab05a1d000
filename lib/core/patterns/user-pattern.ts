import { RE2JS, RE2JSSyntaxException } from "re2js";
import { AppError } from "@/lib/core/errors";

// Every regular expression a user writes (regex scorers, promptfoo `regex` assertions, `pattern` and
// `patternProperties` in JSON Schemas) runs here, never through JavaScript's RegExp: RegExp backtracks, so one
// pattern like `(a|aa)+$` can hold the event loop for minutes, and it cannot be interrupted. RE2 (re2js) matches in
// time linear in the input, at the price of the few features that need backtracking, which are refused with a
// message naming them. Client-safe: the run form can check a pattern with the same rules as the server.

export const USER_PATTERN_LIMITS = {
  /** Characters in the pattern as written. */
  maxLength: 1_000,
  /** Instructions in the compiled program: RE2's measure of a pattern's cost (`a` is 3, `\w{999}` about 1,000). */
  maxSteps: 2_000,
  /**
   * Steps × characters of one test. Linear time still multiplies: RE2's fallback engine can visit every step for
   * every character, so this product bounds one test to a fraction of a second (a 100-step pattern can test
   * 200,000 characters, the largest pattern 10,000).
   */
  maxCost: 20_000_000,
} as const;

export const USER_PATTERN_FLAGS = "imsu";

export interface UserPattern {
  source: string;
  flags: string;
  /** The compiled program's size (see USER_PATTERN_LIMITS.maxSteps). */
  steps: number;
  /** Whether the pattern matches anywhere in `input` (like RegExp#test); throws over the cost limit. */
  test(input: string): boolean;
}

const fmt = (n: number) => n.toLocaleString("en");
const problem = (message: string) => new AppError("bad_request:pattern", message);

/** RE2's parse errors in words; the ones a JavaScript user meets most often name the unsupported feature. */
function describeSyntaxError(error: RE2JSSyntaxException): string {
  const found = error.input ?? "";
  const why = "patterns use RE2 syntax, which runs in linear time";
  if (error.error === "invalid escape sequence" && /^\\(?:[1-9]|k)/.test(found)) return `Backreferences (\\1, \\k<name>) are not supported: ${why}.`;
  if (found.startsWith("(?=") || found.startsWith("(?!")) return `Lookahead ((?=…), (?!…)) is not supported: ${why}.`;
  if (found.startsWith("(?<=") || found.startsWith("(?<!")) return `Lookbehind ((?<=…), (?<!…)) is not supported: ${why}.`;
  if (found.startsWith("(?>")) return `Atomic groups ((?>…)) are not supported: ${why}.`;
  if (error.error === "invalid nested repetition operator" && /^[*+?}]\+$/.test(found.slice(-2))) return `Possessive quantifiers (a++, a*+) are not supported: ${why}.`;
  if (error.error === "invalid repeat count") return `A repetition count is over 1,000 (${found}); RE2 allows at most {1000}, also when repetitions are nested.`;
  return `Invalid pattern: ${error.error}${found ? ` at \`${found.slice(0, 40)}\`` : ""}.`;
}

/** JavaScript's \uXXXX and \u{X} escapes written the RE2 way (\x{X}); everything else is passed through. */
function translateJsEscapes(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const rest = source.slice(i + 1, i + 12);
    const braced = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(rest);
    const plain = /^u([0-9A-Fa-f]{4})/.exec(rest);
    const escape = braced ?? plain;
    if (escape) {
      out += `\\x{${escape[1]}}`;
      i += escape[0].length;
    } else {
      out += ch + (source[i + 1] ?? "");
      i++;
    }
  }
  return out;
}

function flagBits(flags: string): number {
  let bits = 0;
  for (const flag of flags) {
    if (flag === "i") bits |= RE2JS.CASE_INSENSITIVE;
    else if (flag === "m") bits |= RE2JS.MULTILINE;
    else if (flag === "s") bits |= RE2JS.DOTALL;
    else if (flag !== "u") throw problem(`The flag "${flag}" is not supported; use any of i, m, s and u.`); // RE2 always matches code points.
  }
  return bits;
}

const cache = new Map<string, UserPattern>();
const MAX_CACHED = 200;

/** Compiles a user's pattern, or throws an AppError (bad_request:pattern) whose message says what to change. */
export function compileUserPattern(source: string, flags = ""): UserPattern {
  const key = `${flags}/${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (source.length > USER_PATTERN_LIMITS.maxLength) throw problem(`A pattern can be at most ${fmt(USER_PATTERN_LIMITS.maxLength)} characters long.`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(translateJsEscapes(source), flagBits(flags));
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) throw problem(describeSyntaxError(error));
    if (error instanceof AppError) throw error;
    throw problem(`Invalid pattern: ${(error as Error).message}.`);
  }
  const steps = compiled.programSize();
  if (steps > USER_PATTERN_LIMITS.maxSteps) {
    throw problem(`The pattern is too large: it compiles to ${fmt(steps)} steps and the limit is ${fmt(USER_PATTERN_LIMITS.maxSteps)}. Use smaller repetition counts.`);
  }
  const pattern: UserPattern = {
    source,
    flags,
    steps,
    test(input) {
      if (steps * input.length > USER_PATTERN_LIMITS.maxCost) {
        const most = Math.floor(USER_PATTERN_LIMITS.maxCost / steps);
        throw new AppError("too_large:pattern", `The text is too long for this pattern: ${fmt(input.length)} characters, and a pattern of ${fmt(steps)} steps can test at most ${fmt(most)}.`);
      }
      return compiled.test(input);
    },
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, pattern);
  return pattern;
}

/** Why a pattern cannot be used, or null: for validation (zod refinements) where throwing is not wanted. */
export function userPatternProblem(source: string, flags = ""): string | null {
  try {
    compileUserPattern(source, flags);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
