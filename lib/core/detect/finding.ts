// What a detector found: its kind, a description a person reads, and where (UTF-16 offsets, end exclusive).
export type FindingKind = "secret" | "email" | "phone" | "card";

export interface Finding {
  kind: FindingKind;
  /** "OpenAI API key", "e-mail address", "card number (passes Luhn)". */
  detail: string;
  start: number;
  end: number;
}

/** The text with each finding replaced by its kind in brackets ("[EMAIL]"); overlapping findings merge. */
export function maskFindings(text: string, findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const finding of sorted) {
    if (finding.end <= at) continue;
    out += text.slice(at, Math.max(at, finding.start)) + `[${finding.kind.toUpperCase()}]`;
    at = finding.end;
  }
  return out + text.slice(at);
}
