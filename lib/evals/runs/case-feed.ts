import "server-only";
import type { EvalRunCase } from "@/db/schema";
import { retryWhileBusy } from "@/lib/platform/ops/database-busy";
import { countStoredResults, leaseCases, listStoredPairs } from "./manage-leases";

// The runner's supply of (target, case) pairs: it leases cases of the run a batch at a time as its workers ask, so
// the processes executing one run split it between them (manage-leases.ts). It ends when every pair of the run has
// a result, whoever stored it; while the cases left are leased by others it waits, and takes over any whose lease
// lapses (its process died).

export interface FeedPair<Target> {
  target: Target;
  runCase: EvalRunCase;
}

export interface CaseFeedOptions<Target extends { id: string }> {
  runId: string;
  workerId: string;
  targets: Target[];
  cases: EvalRunCase[];
  totalPairs: number;
  leaseMs: number;
  /** Cases leased per database round trip. */
  batch: number;
  /** The next batch is leased once fewer pairs than this wait (the run's concurrency), so no worker waits for it. */
  prefetchBelow: number;
  /** How long to wait, with nothing to lease, before looking again for lapsed leases. */
  idleMs: number;
  signal: AbortSignal;
}

export class CaseFeed<Target extends { id: string }> {
  private readonly buffer: FeedPair<Target>[] = [];
  private readonly caseById: Map<string, EvalRunCase>;
  private refilling: Promise<void> | null = null;
  private finished = false;
  /** Position of the last case leased: the next lease starts after it, so a run is scanned once, not per batch. */
  private cursor = -1;
  private inFlight = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly options: CaseFeedOptions<Target>) {
    this.caseById = new Map(options.cases.map((c) => [c.id, c]));
  }

  /** Adds cases already leased (a process joining a run leases before it prepares the targets). */
  async add(leased: { id: string; position: number }[]): Promise<void> {
    if (leased.length === 0) return;
    this.cursor = Math.max(this.cursor, ...leased.map((c) => c.position));
    const stored = await listStoredPairs({ runId: this.options.runId, caseIds: leased.map((c) => c.id) });
    for (const { id } of leased) {
      const runCase = this.caseById.get(id);
      if (!runCase) continue;
      for (const target of this.options.targets) if (!stored.has(`${target.id}|${id}`)) this.buffer.push({ target, runCase });
    }
  }

  /** The next pair to run, or null when the run has no pair left for this process (or the signal was aborted). */
  async next(): Promise<FeedPair<Target> | null> {
    for (;;) {
      if (this.options.signal.aborted) return null;
      const pair = this.buffer.shift();
      if (pair) {
        this.inFlight++;
        // Lease ahead, in the background: a failure here is retried by the next refill that a worker waits for.
        if (this.buffer.length < this.options.prefetchBelow && !this.finished) this.startRefill().catch(() => undefined);
        return pair;
      }
      if (this.finished) return null;
      await this.startRefill();
    }
  }

  private startRefill(): Promise<void> {
    this.refilling ??= this.refill().finally(() => (this.refilling = null));
    return this.refilling;
  }

  /**
   * Resolves once no lease is being taken in the background: the runner waits for it before handing the run back,
   * or a prefetch committing after the release would leave a lease that keeps the run "running".
   */
  async quiet(): Promise<void> {
    await this.refilling?.catch(() => undefined);
  }

  /** A pair handed out by next() is done (stored or given up): a waiting refill may find the run finished. */
  settle(): void {
    this.inFlight--;
    this.wake?.();
  }

  private async refill(): Promise<void> {
    const { runId, workerId, leaseMs, batch } = this.options;
    const lease = (afterPosition: number) =>
      retryWhileBusy(() => leaseCases({ runId, workerId, now: Date.now(), leaseMs, limit: batch, afterPosition }), { attempts: 20 });
    let leased = await lease(this.cursor);
    // Past the end: look again from the start, for cases whose lease lapsed behind the cursor.
    if (leased.length === 0 && this.cursor >= 0) {
      this.cursor = -1;
      leased = await lease(-1);
    }
    if (leased.length > 0) {
      await this.add(leased);
      return;
    }
    if ((await countStoredResults({ runId })) >= this.options.totalPairs) {
      this.finished = true;
      return;
    }
    // The cases left are in flight, here or in another process: wait for one of ours to end or a lease to lapse.
    await this.pause();
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.options.signal.removeEventListener("abort", done);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.options.idleMs);
      this.wake = done;
      this.options.signal.addEventListener("abort", done, { once: true });
    });
  }
}
