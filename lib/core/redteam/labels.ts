import type { AttackCategory } from "../vocabulary/compliance";

/** How each attack family reads in the studio (the stored value is the category id). */
export const ATTACK_CATEGORY_LABELS: Record<AttackCategory, string> = {
  "direct-injection": "Direct prompt injection",
  "indirect-injection": "Indirect prompt injection",
  jailbreak: "Jailbreak",
  "system-prompt-extraction": "System-prompt extraction",
  "pii-extraction": "Personal data extraction",
  "off-topic": "Off-topic requests",
};
