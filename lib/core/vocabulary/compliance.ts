// The stored shapes of guardrails and compliance (issue 19): red-team datasets, an environment's compliance gates,
// what a promotion request recorded when it was made, and an admin's override. db/schema stores them as JSON; the
// features that write them (lib/evals, lib/releases) validate them with zod before they are stored.
import type { RuleId, Severity } from "../lint/rules";

/** The attack families of the red-team corpus; a red-team case carries its family as the tag `attack:<category>`. */
export const ATTACK_CATEGORIES = ["direct-injection", "indirect-injection", "jailbreak", "system-prompt-extraction", "pii-extraction", "off-topic"] as const;
export type AttackCategory = (typeof ATTACK_CATEGORIES)[number];

/** A dataset made by "Generate red-team dataset": which prompt it attacks and from which corpus version. */
export interface RedTeamOrigin {
  promptId: string;
  version: number;
  corpusVersion: string;
  categories: AttackCategory[];
  /** A model added paraphrases of the corpus's attacks. */
  paraphrased: boolean;
}

/** A workspace's lint severities; "off" turns a rule off. Missing rules keep their documented default. */
export type LintSeverities = Partial<Record<RuleId, Severity | "off">>;

/** The checks a protected environment requires, next to its eval gate (gate_dataset_id, gate_min_pass_rate). */
export interface ComplianceGates {
  /** The candidate version has no active linter error. */
  noLintErrors?: boolean;
  /** The latest red-team run of the candidate: attack success rate at most this fraction (0..1). */
  maxAttackSuccessRate?: number | null;
  /** On the eval gate's run of the candidate: mean cost per call and p95 latency within these budgets. */
  maxCostPerCallUsd?: number | null;
  maxP95LatencyMs?: number | null;
  /** Calls per month the projected monthly cost is computed at. */
  monthlyVolume?: number | null;
}

/** The linter's verdict on the candidate when the promotion was requested (silenced findings keep their reason). */
export interface PromotionLintReport {
  errors: number;
  warnings: number;
  findings: { ruleId: RuleId; severity: Severity; message: string; line: number; silencedReason?: string }[];
  checkedAt: number;
}

/** An admin approved although gates failed: who, why, and which gates. */
export interface GateOverride {
  userId: string;
  label: string;
  reason: string;
  failed: string[];
  at: number;
}
