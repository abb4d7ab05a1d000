import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { guardBlockCounts } from "@/db/schema";
import { GUARD_RULES, type GuardRule } from "@/lib/core/vocabulary/guard-policy";

// What the prompt page shows of its guard policies' work: refusals and masks per rule over the last 30 days,
// summed over versions and surfaces from the counters manage-guard-counts.ts keeps.

const DAY_MS = 86_400_000;

export interface GuardBlockSummary {
  rule: GuardRule;
  blocked: number;
  masked: number;
}

/** A prompt's decisions per rule over the last `days` UTC days (today included), every rule listed. */
export async function loadGuardBlocks(caller: { workspaceId: string }, { promptId, days = 30 }: { promptId: string; days?: number }): Promise<GuardBlockSummary[]> {
  const since = Math.floor(Date.now() / DAY_MS) - (days - 1);
  const rows = await getDb()
    .select({ rule: guardBlockCounts.rule, action: guardBlockCounts.action, count: sql<number>`sum(${guardBlockCounts.count})`.mapWith(Number) })
    .from(guardBlockCounts)
    .where(and(eq(guardBlockCounts.workspaceId, caller.workspaceId), eq(guardBlockCounts.promptId, promptId), gte(guardBlockCounts.day, since)))
    .groupBy(guardBlockCounts.rule, guardBlockCounts.action);
  return GUARD_RULES.map((rule) => ({
    rule,
    blocked: rows.find((row) => row.rule === rule && row.action === "blocked")?.count ?? 0,
    masked: rows.find((row) => row.rule === rule && row.action === "masked")?.count ?? 0,
  }));
}
