// Inline silencing: a Mustache comment `{{! lint-disable <rule-id>: <reason> }}` anywhere in the prompt silences that
// rule for the whole prompt. Comments never reach the model (the renderer drops them), and the reason is required:
// a silenced finding is kept with it, so a promotion's audit entry says what was waved through and why.
import { RULE_IDS, type RuleId } from "./rules";
import type { LintSource } from "./sources";

const DIRECTIVE = /^lint-disable\s+([a-z-]+)\s*[:—-]+\s*(\S[\s\S]*)$/;

export function silencesOf(sources: readonly LintSource[]): Map<RuleId, string> {
  const silenced = new Map<RuleId, string>();
  for (const source of sources) {
    for (const tag of source.tags) {
      if (tag.kind !== "comment") continue;
      const match = DIRECTIVE.exec(tag.value.trim());
      if (!match) continue;
      const rule = match[1] as RuleId;
      if ((RULE_IDS as readonly string[]).includes(rule)) silenced.set(rule, match[2]!.trim().slice(0, 500));
    }
  }
  return silenced;
}
