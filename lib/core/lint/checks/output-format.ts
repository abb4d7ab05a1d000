// contradictory-output-format: the model settings ask for JSON while the template asks for prose, or the template
// asks for JSON twice over with a plain-text response format and a "do not use JSON" line. Phrases, not a model:
// the rule only fires on unambiguous wording.
import type { Check, RawFinding } from "./check";
import { locate } from "../sources";

const PROSE = /\b(?:in (?:plain )?prose|plain text only|as plain text|do not (?:use|answer in|respond in|return) json|no json|in (?:a|one|two|three) (?:short )?paragraphs?|as a (?:bulleted|bullet) list|in markdown)\b/i;

export const outputFormat: Check = (sources, _context, target) => {
  if (target.modelConfig.responseFormat?.type !== "json") return [];
  const findings: RawFinding[] = [];
  for (const source of sources) {
    const match = PROSE.exec(source.text);
    if (!match) continue;
    findings.push({
      ruleId: "contradictory-output-format",
      message: `The response format is JSON, but ${source.message === null ? "the template" : `message ${source.message + 1}`} asks for "${match[0]}".`,
      location: locate(source, match.index, match.index + match[0].length),
    });
  }
  return findings;
};
