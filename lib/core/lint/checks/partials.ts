// moving-partial-label: a prompt served in a protected environment that includes a partial by a label that moves
// (an environment's slug, "latest", or no label at all, which means the latest version).
import { parsePartialReference } from "@/lib/core/templates/partial-ref";
import type { Check, RawFinding } from "./check";
import { locate } from "../sources";

export const movingPartials: Check = (sources, context) => {
  if (!context.servedInProtectedEnvironment) return [];
  const moving = new Set(context.movingLabels ?? ["latest"]);
  const findings: RawFinding[] = [];
  for (const source of sources) {
    for (const tag of source.tags) {
      if (tag.kind !== "partial") continue;
      const ref = parsePartialReference(tag.value);
      if (!ref || (ref.label !== null && /^\d+$/.test(ref.label))) continue;
      if (ref.label !== null && !moving.has(ref.label)) continue;
      const how = ref.label === null ? "its latest version" : `the label "${ref.label}"`;
      findings.push({
        ruleId: "moving-partial-label",
        message: `{{> ${tag.value}}} follows ${how}, so its text can change under this served prompt; pin a version ({{> ${ref.name}@3}}).`,
        location: locate(source, tag.start, tag.end),
      });
    }
  }
  return findings;
};
