// secret-in-template and personal-data-in-template: the detectors of lib/core/detect over each text, outside
// template tags (a tag's content is a name, never data). The quick fix moves the value out to a variable.
import { findPersonalData, findSecrets, type Finding } from "@/lib/core/detect";
import type { Check, RawFinding } from "./check";
import { fixIn, locate, type LintSource } from "../sources";

const VARIABLE_FOR: Record<Finding["kind"], string> = { secret: "api_key", email: "email", phone: "phone", card: "card_number" };

function outsideTags(source: LintSource, finding: Finding): boolean {
  return !source.tags.some((tag) => finding.start < tag.end && finding.end > tag.start);
}

export const sensitive: Check = (sources) => {
  const findings: RawFinding[] = [];
  for (const source of sources) {
    for (const found of [...findSecrets(source.text), ...findPersonalData(source.text)]) {
      if (!outsideTags(source, found)) continue;
      const variable = VARIABLE_FOR[found.kind];
      findings.push({
        ruleId: found.kind === "secret" ? "secret-in-template" : "personal-data-in-template",
        message: `${found.kind === "secret" ? "A secret" : "Personal data"} in the template: ${found.detail}.`,
        location: locate(source, found.start, found.end),
        fix: fixIn(source, `Replace with {{${variable}}}`, found.start, found.end, `{{${variable}}}`),
      });
    }
  }
  return findings;
};
