// What a guard policy does to a model's output before it is stored (POST /api/v1/generations): personal data
// (e-mail addresses, phone numbers, card numbers) is replaced by its kind ("[EMAIL]") unless the policy's PII
// handling is "off", and every occurrence of a listed word by "[MASKED]". Denied topics and the length limit are
// about what is sent to the model, so they do not touch outputs.
import { findPersonalData, maskFindings } from "../detect";
import type { GuardRule } from "../vocabulary/guard-policy";
import type { CompiledGuard } from "./compile-guard";

export const WORD_MASK = "[MASKED]";

export function maskOutput(guard: CompiledGuard, text: string): { text: string; masked: GuardRule[] } {
  const masked: GuardRule[] = [];
  let out = text;
  if (guard.words) {
    const found = guard.words.find(out);
    if (found.length) {
      out = maskSpans(out, found);
      masked.push("word-list");
    }
  }
  if (guard.policy.pii && guard.policy.pii !== "off") {
    const found = findPersonalData(out);
    if (found.length) {
      out = maskFindings(out, found);
      masked.push("pii");
    }
  }
  return { text: out, masked };
}

/** The text with each span replaced by WORD_MASK; the matcher reports spans left to right, overlapping ones merge. */
function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const span of sorted) {
    if (span.end <= at) continue;
    out += span.start >= at ? text.slice(at, span.start) + WORD_MASK : "";
    at = span.end;
  }
  return out + text.slice(at);
}
