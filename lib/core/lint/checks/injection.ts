// variable-in-system-message and undelimited-variable: where user-controlled text lands. A variable is
// "delimited" when the nearest non-space text on both sides opens and closes the same kind of delimiter: quotes,
// a ``` fence, """, brackets, or an XML-style tag pair (<ticket>{{ticket}}</ticket>). Trusted variables (the
// application fills them itself) are exempt from both rules.
import type { ScannedTag } from "@/lib/core/templates/scan-tags";
import type { Check, RawFinding } from "./check";
import { fixIn, isVariableTag, locate, variableName, type LintSource } from "../sources";

const PAIRS: [string, string][] = [
  ["```", "```"],
  ['"""', '"""'],
  ['"', '"'],
  ["'", "'"],
  ["“", "”"],
  ["«", "»"],
  ["[", "]"],
];

function before(text: string, at: number): string {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return text.slice(Math.max(0, i - 64), i);
}

function after(text: string, at: number): string {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text.slice(i, i + 64);
}

function delimited(source: LintSource, tag: ScannedTag): boolean {
  const left = before(source.text, tag.start);
  const right = after(source.text, tag.end);
  if (PAIRS.some(([open, close]) => left.endsWith(open) && right.startsWith(close))) return true;
  const opening = /<([A-Za-z_][\w.-]*)[^<>]*>$/.exec(left);
  return opening !== null && right.startsWith(`</${opening[1]}>`);
}

export const injection: Check = (sources, context) => {
  const trusted = new Set(context.trustedVariables ?? []);
  const findings: RawFinding[] = [];
  for (const source of sources) {
    for (const tag of source.tags) {
      if (!isVariableTag(tag)) continue;
      const name = variableName(tag);
      if (trusted.has(name)) continue;
      if (source.role === "system") {
        findings.push({
          ruleId: "variable-in-system-message",
          message: `{{${name}}} is in the system message, where text a user controls carries the most authority.`,
          location: locate(source, tag.start, tag.end),
        });
      }
      if (!delimited(source, tag)) {
        const tagName = name.replace(/[^\w.-]/g, "_") || "input";
        findings.push({
          ruleId: "undelimited-variable",
          message: `{{${name}}} is not inside a delimiter, so the model cannot tell it from your instructions.`,
          location: locate(source, tag.start, tag.end),
          fix: fixIn(source, `Wrap in <${tagName}> tags`, tag.start, tag.end, `<${tagName}>${source.text.slice(tag.start, tag.end)}</${tagName}>`),
        });
      }
    }
  }
  return findings;
};
