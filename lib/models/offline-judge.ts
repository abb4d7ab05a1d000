// How the offline demo model answers an LLM-as-judge prompt, so judged evals work with no API key. The studio's
// default judge template (lib/evals/scorers/judge-prompt.ts) starts with JUDGE_MARKER and wraps its inputs in
// <rubric> and <output> tags. The offline "judge" is a transparent heuristic, not a grader: the score is the share
// of the rubric's content words (4+ letters) that appear in the output, and it passes at 0.5.

export const OFFLINE_JUDGE_MARKER = "You are grading an AI model's output against a rubric.";

/** The text between the first <tag> and the next </tag>, without one newline at each end. By indexOf: a lazy
 * RegExp here took time quadratic in the prompt (80 s for a template of 100,000 "<rubric>"s). */
function section(text: string, tag: string): string {
  const open = text.indexOf(`<${tag}>`);
  if (open === -1) return "";
  const start = open + tag.length + 2;
  const end = text.indexOf(`</${tag}>`, start);
  if (end === -1) return "";
  let inner = text.slice(start, end);
  if (inner.startsWith("\n")) inner = inner.slice(1);
  return inner.endsWith("\n") ? inner.slice(0, -1) : inner;
}
const contentWords = (text: string) => [...new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];

/** The JSON verdict for a judge prompt, or null when the text is not one. */
export function offlineJudgeReply(promptText: string): string | null {
  if (!promptText.includes(OFFLINE_JUDGE_MARKER)) return null;
  const rubricWords = contentWords(section(promptText, "rubric"));
  const output = section(promptText, "output").toLowerCase();
  if (rubricWords.length === 0) {
    return JSON.stringify({ pass: false, score: 0, reason: "Offline judge: the rubric is empty, so nothing can be checked." });
  }
  const found = rubricWords.filter((word) => output.includes(word));
  const score = Math.round((found.length / rubricWords.length) * 100) / 100;
  const reason = `Offline judge: the output mentions ${found.length} of ${rubricWords.length} rubric terms${found.length ? ` (${found.slice(0, 5).join(", ")})` : ""}.`;
  return JSON.stringify({ pass: score >= 0.5, score, reason });
}
