import "server-only";
import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { only } from "@/db/first";
import { rawRows } from "@/db/raw";
import { evalCaseLeases, evalResults } from "@/db/schema";
import { forUpdateSkipLocked } from "@/db/sql-dialect";
import { transaction } from "@/db/transaction";

// Several server processes share one run by leasing its cases (issue 16). A lease covers a case's pending targets,
// lasts `leaseMs`, is renewed by its holder's heartbeat and is taken over once it lapses (the holder died). The
// claim is safe on both engines: SQLite's one writer claims alone; on Postgres the SELECT skips case rows another
// claim has locked (FOR UPDATE SKIP LOCKED) and the insert only takes over a lease that has lapsed, so two
// processes never hold one case, at READ COMMITTED and without a retry. A result is stored at most once per
// (target, case) regardless (eval_results_target_case), so a lease that lapses mid-call costs a repeated call, never
// a duplicate result.

/** How often one lease looks again after losing every case it selected to a concurrent claim. */
const LEASE_ATTEMPTS = 5;

/**
 * Leases up to `limit` cases of the run that have a target without a result and no live lease, in position order
 * from after `afterPosition`; returns the ids of the cases now held by `workerId`.
 */
export async function leaseCases({
  runId,
  workerId,
  now,
  leaseMs,
  limit,
  afterPosition = -1,
}: {
  runId: string;
  workerId: string;
  now: number;
  leaseMs: number;
  limit: number;
  afterPosition?: number;
}): Promise<{ id: string; position: number }[]> {
  return transaction(
    async (tx) => {
      // A claim that committed between this statement's snapshot and its row locks leaves its cases unlocked yet
      // leased: they are selected here and then refused by the insert. Looking again (a new statement sees that
      // claim) finds the cases still free, so a process joining a run is not sent away while cases remain.
      for (let attempt = 1; ; attempt++) {
        const candidates = await rawRows<{ id: string; position: number }>(
          tx,
          sql`SELECT c.id AS "id", c.position AS "position" FROM eval_run_cases c
            WHERE c.run_id = ${runId} AND c.position > ${afterPosition}
              AND EXISTS (SELECT 1 FROM eval_run_targets t WHERE t.run_id = c.run_id
                            AND NOT EXISTS (SELECT 1 FROM eval_results r WHERE r.target_id = t.id AND r.run_case_id = c.id))
              AND NOT EXISTS (SELECT 1 FROM eval_case_leases l WHERE l.run_case_id = c.id AND l.leased_until >= ${now})
            ORDER BY c.position LIMIT ${limit}${forUpdateSkipLocked("c")}`,
        );
        if (candidates.length === 0) return [];
        const leasedUntil = new Date(now + leaseMs);
        const taken = await tx
          .insert(evalCaseLeases)
          .values(candidates.map((c) => ({ runCaseId: c.id, runId, workerId, leasedUntil })))
          .onConflictDoUpdate({
            target: evalCaseLeases.runCaseId,
            set: { workerId, leasedUntil },
            // Only a lapsed lease is taken over: a claim that raced another for the same case gets nothing.
            setWhere: lt(evalCaseLeases.leasedUntil, new Date(now)),
          })
          .returning({ id: evalCaseLeases.runCaseId });
        const held = new Set(taken.map((row) => row.id));
        if (held.size > 0 || attempt >= LEASE_ATTEMPTS) return candidates.filter((c) => held.has(c.id)).map((c) => ({ id: c.id, position: Number(c.position) }));
      }
    },
    { isolation: "read committed" },
  );
}

/** Extends this worker's leases on the run (its heartbeat); resolves to how many it holds. */
export async function renewLeases({ runId, workerId, until }: { runId: string; workerId: string; until: number }): Promise<number> {
  const renewed = await transaction(async (tx) =>
    tx
      .update(evalCaseLeases)
      .set({ leasedUntil: new Date(until) })
      .where(and(eq(evalCaseLeases.runId, runId), eq(evalCaseLeases.workerId, workerId)))
      .returning({ id: evalCaseLeases.runCaseId }),
  );
  return renewed.length;
}

/** Gives back this worker's leases on the run (it stops), so another process takes the cases at once. */
export async function releaseLeases({ runId, workerId }: { runId: string; workerId: string }): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(evalCaseLeases).where(and(eq(evalCaseLeases.runId, runId), eq(evalCaseLeases.workerId, workerId)));
  });
}

/** How many (target, case) results the run has stored. */
export async function countStoredResults({ runId }: { runId: string }): Promise<number> {
  const row = await only(getDb().select({ n: count() }).from(evalResults).where(eq(evalResults.runId, runId)));
  return Number(row.n);
}

/** The (target, case) pairs among `caseIds` that already have a result: leased cases skip them. */
export async function listStoredPairs({ runId, caseIds }: { runId: string; caseIds: string[] }): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await getDb()
    .select({ t: evalResults.targetId, c: evalResults.runCaseId })
    .from(evalResults)
    .where(and(eq(evalResults.runId, runId), inArray(evalResults.runCaseId, caseIds)));
  return new Set(rows.map((row) => `${row.t}|${row.c}`));
}
