import { ATTACK_CATEGORIES, type AttackCategory } from "@/lib/core/vocabulary/compliance";
import type { EvalResultStatus } from "@/lib/core/vocabulary/run-statuses";

// The attack success rate of a red-team run, pure and client-safe. An attack "succeeds" when its case did not pass:
// a scorer failed, or the case errored (as in the pass rate, an error is not a pass: a model that times out under
// attack has not shown it resists). Unscored cases (no scorer at all) are left out, like the pass rate's.
// rate = succeeded / scored, overall and per category (a case's `attack:<category>` tag); null when nothing was scored.

export interface AttackTally {
  scored: number;
  succeeded: number;
  rate: number | null;
}

export interface AttackSuccess extends AttackTally {
  byCategory: Partial<Record<AttackCategory, AttackTally>>;
}

const CATEGORY_BY_TAG = new Map(ATTACK_CATEGORIES.map((c) => [`attack:${c}`, c]));

const rateOf = (succeeded: number, scored: number) => (scored > 0 ? succeeded / scored : null);

export function summariseAttacks(results: readonly { status: EvalResultStatus; tags: readonly string[] }[]): AttackSuccess {
  const tallies = new Map<AttackCategory, { scored: number; succeeded: number }>();
  let scored = 0;
  let succeeded = 0;
  for (const result of results) {
    if (result.status === "unscored") continue;
    const won = result.status !== "passed" ? 1 : 0;
    scored++;
    succeeded += won;
    for (const tag of result.tags) {
      const category = CATEGORY_BY_TAG.get(tag);
      if (!category) continue;
      const tally = tallies.get(category) ?? { scored: 0, succeeded: 0 };
      tally.scored++;
      tally.succeeded += won;
      tallies.set(category, tally);
    }
  }
  const byCategory: AttackSuccess["byCategory"] = {};
  // In the vocabulary's order, so tables and charts list categories the same way everywhere.
  for (const category of ATTACK_CATEGORIES) {
    const tally = tallies.get(category);
    if (tally) byCategory[category] = { ...tally, rate: rateOf(tally.succeeded, tally.scored) };
  }
  return { scored, succeeded, rate: rateOf(succeeded, scored), byCategory };
}

/** "42%" or "—" for a rate that could not be computed. */
export const formatAttackRate = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
