// empty-message and duplicate-message, for chat prompts (and an empty text template).
import type { Check, RawFinding } from "./check";
import { locate } from "../sources";

export const messages: Check = (sources) => {
  const findings: RawFinding[] = [];
  const seen = new Map<string, number>();
  for (const source of sources) {
    if (source.text.trim() === "") {
      findings.push({
        ruleId: "empty-message",
        message: source.message === null ? "The template is empty." : `Message ${source.message + 1} (${source.role}) is empty.`,
        location: locate(source, 0, source.text.length),
      });
      continue;
    }
    const key = `${source.role}\u0000${source.text.trim()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      findings.push({
        ruleId: "duplicate-message",
        message: `Message ${source.message! + 1} repeats message ${earlier + 1} word for word.`,
        location: locate(source, 0, source.text.length),
      });
    } else if (source.message !== null) seen.set(key, source.message);
  }
  return findings;
};
