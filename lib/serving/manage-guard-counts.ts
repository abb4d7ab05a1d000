import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { groupCommit } from "@/db/group-commit";
import { guardBlockCounts, type GuardAction, type GuardSurface } from "@/db/schema";
import type { GuardRule } from "@/lib/core/vocabulary/guard-policy";
import { logger } from "@/lib/platform/logger";
import { recordGuardBlock } from "@/lib/platform/metrics/registry";

// The one writer of guard_block_counts: every input a version's guard policy refused and every output or input it
// masked, counted per prompt version, rule, action, surface and UTC day (and in /api/metrics). A counter per key,
// never a row per event, so a caller hammering render grows no table; and like generations, too frequent for the
// audit log. Decisions made together (a burst of refused renders) are counted in one transaction and one upsert
// (db/group-commit.ts): a flood of refusals costs a statement per turn of the event loop, not per request. The
// upsert adds to the stored count in the database, so concurrent processes never lose an increment (on Postgres
// it is a single statement under READ COMMITTED: nothing for a serialisation check to refuse).

export interface GuardDecision {
  workspaceId: string;
  promptId: string;
  version: number;
  rule: GuardRule;
  action: GuardAction;
  surface: GuardSurface;
}

const DAY_MS = 86_400_000;

/**
 * Counts the decisions (metrics at once, the table once committed); resolves after the count is stored. Never
 * rejects: the caller's answer does not depend on the counter (a refusal is still a refusal when the database is
 * busy), so a failed count is logged instead.
 */
export async function countGuardDecisions(decisions: readonly GuardDecision[]): Promise<void> {
  const day = Math.floor(Date.now() / DAY_MS);
  for (const decision of decisions) recordGuardBlock(decision.rule, decision.action, decision.surface);
  try {
    await Promise.all(decisions.map((decision) => addCountGrouped({ ...decision, day })));
  } catch (error) {
    logger.warn({ err: error }, "a guard policy decision could not be counted");
  }
}

type Increment = GuardDecision & { day: number };

const addCountGrouped = groupCommit(addCounts, { oneStatementOnPostgres: true });

/** One upsert for the batch, identical keys summed first (one statement may not update a row twice on Postgres). */
async function addCounts(tx: DbOrTx, increments: readonly Increment[]): Promise<void[]> {
  const merged = new Map<string, Increment & { count: number }>();
  for (const increment of increments) {
    const key = [increment.promptId, increment.version, increment.rule, increment.action, increment.surface, increment.day].join("\n");
    const row = merged.get(key);
    if (row) row.count += 1;
    else merged.set(key, { ...increment, count: 1 });
  }
  await tx
    .insert(guardBlockCounts)
    .values([...merged.values()])
    .onConflictDoUpdate({
      target: [guardBlockCounts.promptId, guardBlockCounts.version, guardBlockCounts.rule, guardBlockCounts.action, guardBlockCounts.surface, guardBlockCounts.day],
      // Qualified: on Postgres a bare "count" beside excluded.count is ambiguous.
      set: { count: sql`guard_block_counts.count + excluded.count` },
    });
  return increments.map(() => undefined);
}
