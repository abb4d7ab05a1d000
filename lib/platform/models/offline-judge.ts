// How the offline demo model answers an LLM-as-judge prompt, so judged evals work with no API key. The studio's
// default judge template (lib/evals/scorers/judge-prompt.ts) starts with OFFLINE_JUDGE_MARKER and wraps its inputs in
// <rubric>, <input>, <expected> and <output> tags. The offline judge is not a language model: it is a deterministic,
// explainable word-overlap check, and its reason says what it counted. It judges, in this order:
//
//   1. the case's expected output, when there is one: the share of its key terms found in the output;
//   2. phrases the rubric quotes ("mentions 'refund'"), always: every one must appear;
//   3. with neither, the rubric's own key terms (grading words such as "reply" or "politely" left out);
//   4. with none of these, relevance: the share of the input's most frequent key terms found in the output.
//
// The output passes when every criterion that applies passes (coverage ≥ 0.5, quoted phrases all present); the score
// is their mean. An empty output fails. Terms are lowercase words of 3+ letters or digits, stop words and grading
// words left out, compared by a crude stem (charge/charged/charges), so a reply that restates the expected answer in
// other words passes and one about something else fails.

export const OFFLINE_JUDGE_MARKER = "You are grading an AI model's output against a rubric.";

const PASS_AT = 0.5;
const RELEVANCE_TERMS = 8;

const STOP_WORDS = new Set(
  ("the and for are but not you your yours our ours its it's this that these those with from into onto over under then than " +
    "there their they them was were been being have has had having will would shall should can could may might must " +
    "what which who whom whose when where why how all any both each few more most other some such only own same too very " +
    "just also about above after again against because before below between during here once out off she her hers him his " +
    "himself herself itself themselves ourselves yourself yourselves does did doing per via etc let lets get got").split(" "),
);

/** Words that describe how to grade rather than what the answer says. */
const GRADING_WORDS = new Set(
  ("reply replies response responses answer answers answered output outputs question questions rubric model assistant " +
    "user users customer customers polite politely accurate accurately correct correctly clear clearly concise concisely " +
    "helpful relevant appropriate appropriately professional friendly tone good well proper properly complete completely " +
    "mention mentions mentioned include includes including contain contains explain explains explained address addresses " +
    "provide provides give gives satisfy satisfies satisfied describe describes state states says say").split(" "),
);

interface JudgeSections {
  rubric: string;
  input: string;
  expected: string;
  output: string;
}

/** The tagged sections of the judge prompt. Each is searched after the previous one; the output runs to the last </output>. */
function readSections(text: string): JudgeSections {
  let from = 0;
  const take = (tag: string, last = false): string => {
    const open = text.indexOf(`<${tag}>`, from);
    if (open < 0) return "";
    const start = open + tag.length + 2;
    const end = last ? text.lastIndexOf(`</${tag}>`) : text.indexOf(`</${tag}>`, start);
    if (end < start) return "";
    from = end;
    return text.slice(start, end).trim();
  };
  const rubric = take("rubric");
  const input = take("input");
  const expected = take("expected");
  const output = take("output", true);
  return { rubric, input, expected, output };
}

/** A crude, consistent stem: plural first, then one verb or adverb ending (charges/charged/charge → charg). */
function stem(word: string): string {
  if (word.length <= 4) return word;
  const singular = word.replace(/ies$/, "y").replace(/([^s])s$/, "$1");
  const stemmed = singular.replace(/(?:ing|ed|ly|e)$/, "");
  return stemmed.length >= 3 ? stemmed : singular;
}

/** Key terms, in order of first appearance: lowercase words of 3+ letters or digits, less stop (and grading) words. */
function keyTerms(text: string, { grading = false } = {}): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words.filter((w) => !STOP_WORDS.has(w) && !(grading && GRADING_WORDS.has(w))))];
}

function stems(text: string): Set<string> {
  return new Set(keyTerms(text).map(stem));
}

interface Criterion {
  name: string;
  found: string[];
  missing: string[];
  score: number;
  passed: boolean;
}

function coverage(name: string, terms: string[], output: Set<string>): Criterion {
  const found = terms.filter((t) => output.has(stem(t)));
  const missing = terms.filter((t) => !output.has(stem(t)));
  const score = found.length / terms.length;
  return { name, found, missing, score, passed: score >= PASS_AT };
}

/** Phrases the rubric quotes: 'refund', "next business day", `code`. */
function quotedPhrases(rubric: string): string[] {
  const phrases = [...rubric.matchAll(/"([^"\n]{1,200})"|“([^”\n]{1,200})”|`([^`\n]{1,200})`|(?<![\p{L}\p{N}])'([^'\n]{1,200})'(?![\p{L}\p{N}])/gu)];
  return [...new Set(phrases.map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim()).filter(Boolean))];
}

/** The most frequent key terms of the input (ties: first seen), for the relevance fallback. */
function frequentTerms(input: string): string[] {
  const counts = new Map<string, number>();
  for (const word of (input.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !STOP_WORDS.has(w) && !GRADING_WORDS.has(w))) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, RELEVANCE_TERMS)
    .map(([word]) => word);
}

const list = (terms: string[]) => terms.slice(0, 6).join(", ") + (terms.length > 6 ? ", …" : "");

function describe(c: Criterion): string {
  const total = c.found.length + c.missing.length;
  return `${c.name}: ${c.found.length} of ${total}${c.found.length ? ` (${list(c.found)})` : ""}${c.missing.length ? `, missing ${list(c.missing)}` : ""}`;
}

/** The verdict for a judge prompt as { pass, score, reason }, or null when the prompt is not the studio's judge template. */
export function offlineJudge(promptText: string): { pass: boolean; score: number; reason: string } | null {
  if (!promptText.includes(OFFLINE_JUDGE_MARKER)) return null;
  const { rubric, input, expected, output } = readSections(promptText);
  const prefix = "Offline judge (word overlap, not a language model)";
  if (!output) return { pass: false, score: 0, reason: `${prefix}: the output is empty.` };
  const outputStems = stems(output);
  const criteria: Criterion[] = [];

  const expectedTerms = keyTerms(expected);
  if (expectedTerms.length > 0) criteria.push(coverage("key terms of the expected output", expectedTerms, outputStems));
  const phrases = quotedPhrases(rubric);
  if (phrases.length > 0) {
    const lower = output.toLowerCase();
    const found = phrases.filter((p) => lower.includes(p.toLowerCase()));
    const missing = phrases.filter((p) => !lower.includes(p.toLowerCase()));
    criteria.push({ name: "phrases the rubric quotes", found, missing, score: found.length / phrases.length, passed: missing.length === 0 });
  }
  if (criteria.length === 0) {
    const rubricTerms = keyTerms(rubric, { grading: true });
    if (rubricTerms.length > 0) criteria.push(coverage("rubric terms", rubricTerms, outputStems));
  }
  if (criteria.length === 0) {
    const relevant = frequentTerms(input);
    if (relevant.length === 0) return { pass: false, score: 0, reason: `${prefix}: there is no expected output, rubric term or input to compare the output with.` };
    criteria.push(coverage("key terms of the input", relevant, outputStems));
  }

  const score = Math.round((criteria.reduce((sum, c) => sum + c.score, 0) / criteria.length) * 100) / 100;
  const pass = criteria.every((c) => c.passed);
  return { pass, score, reason: `${prefix}: ${criteria.map(describe).join("; ")}. ${pass ? "Passes" : "Fails"}: each check needs half its terms (quoted phrases: all).` };
}

/** The JSON verdict for a judge prompt, or null when the text is not one. */
export function offlineJudgeReply(promptText: string): string | null {
  const verdict = offlineJudge(promptText);
  return verdict === null ? null : JSON.stringify(verdict);
}
