import { hashHex } from "@/lib/core/hash";
import type { CandidateContent } from "./check-candidate";

/** A stable id for a prompt's content (two 32-bit hashes of its canonical JSON): the same text is the same candidate. */
export function candidateId(content: CandidateContent): string {
  const text = JSON.stringify({ template: content.template, messages: content.messages });
  return `c${hashHex(text)}${hashHex(text, 0x9e3779b9)}`;
}
