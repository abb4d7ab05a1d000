import type { ScorerFn } from "./registry";

// Two documented string metrics, both 0..1 with 1 = identical:
// - levenshtein: 1 − d(a, b) / max(|a|, |b|), where d is the edit distance (insert, delete, substitute, cost 1)
//   over Unicode code points. Good for short, near-verbatim answers.
// - rouge-l: the F1 of ROUGE-L (Lin, 2004) over lowercase word tokens: with L = |LCS(a, b)| in tokens,
//   P = L/|a|, R = L/|b|, F1 = 2PR/(P+R). Good for sentences where word order matters but wording varies.
// Both are O(n·m); inputs are capped so a pathological pair cannot stall a run.

const MAX_CHARS = 5_000;
const MAX_TOKENS = 2_000;
export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

function lengthOfLcs<T>(a: T[], b: T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

export function editDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

export function levenshteinSimilarity(a: string, b: string): number {
  const x = [...a.slice(0, MAX_CHARS)];
  const y = [...b.slice(0, MAX_CHARS)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
}

const tokens = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS);

export function rougeLF1(candidate: string, reference: string): number {
  const c = tokens(candidate);
  const r = tokens(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  const lcs = lengthOfLcs(c, r);
  if (lcs === 0) return 0;
  const precision = lcs / c.length;
  const recall = lcs / r.length;
  return (2 * precision * recall) / (precision + recall);
}

export const similarityScorer: ScorerFn<"similarity"> = ({ metric, value }, ctx, threshold = DEFAULT_SIMILARITY_THRESHOLD) => {
  const reference = value ?? ctx.expected;
  if (reference == null) return { score: null, passed: false, reason: "No expected output to compare with.", error: true };
  const score = metric === "rouge-l" ? rougeLF1(ctx.output.trim(), reference.trim()) : levenshteinSimilarity(ctx.output.trim(), reference.trim());
  const passed = score >= threshold;
  const name = metric === "rouge-l" ? "ROUGE-L F1" : "Levenshtein similarity";
  return { score, passed, reason: `${name} ${score.toFixed(2)} ${passed ? "≥" : "<"} threshold ${threshold}.` };
};
