import type { CandidateContent } from "./check-candidate";

/** A stable id for a prompt's content (FNV-1a over its canonical JSON): the same text is the same candidate. */
export function candidateId(content: CandidateContent): string {
  const text = JSON.stringify({ template: content.template, messages: content.messages });
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
  }
  return `c${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}
