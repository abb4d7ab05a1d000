import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import type { ApiKeyPrincipalCache } from "@/lib/platform/api-keys/authenticate";
import type { DbOrTx } from "@/db";
import { readDeliveryEpochIn } from "@/lib/serving/server";

// What the delivery API has resolved, kept in memory until the delivery epoch (a row that triggers bump on every
// change the API serves) differs from the one the cache was filled at. Every request reads the epoch first, so
// a change made by any process sharing the database file is seen by the next request of every other process.

export interface DeliveryCacheOptions<Entry = unknown> {
  /** Responses kept at most; the least recently used go first. */
  maxEntries?: number;
  /** Bytes of responses kept at most, as `sizeOf` counts them (an entry stored under two keys counts twice). */
  maxBytes?: number;
  sizeOf?: (entry: Entry) => number;
  /** API keys kept at most. */
  maxPrincipals?: number;
}

export class DeliveryCache<Entry> implements ApiKeyPrincipalCache {
  private epoch = Number.NaN;
  private readonly entries = new Map<string, Entry>();
  private readonly principals = new Map<string, ApiKeyPrincipal>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly sizeOf: (entry: Entry) => number;
  private readonly maxPrincipals: number;
  private bytes = 0;

  constructor({ maxEntries = 5_000, maxBytes = 128 * 1024 * 1024, sizeOf = () => 0, maxPrincipals = 1_000 }: DeliveryCacheOptions<Entry> = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.sizeOf = sizeOf;
    this.maxPrincipals = maxPrincipals;
  }

  /** Drops everything when the epoch has moved since the cache was filled. */
  sync(epoch: number): void {
    if (epoch === this.epoch) return;
    this.entries.clear();
    this.principals.clear();
    this.bytes = 0;
    this.epoch = epoch;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      // Re-inserting moves the key to the end, so Map order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Stores an entry resolved at `epoch`; one resolved at an epoch the cache has moved past is not kept. */
  set(key: string, entry: Entry, epoch: number): void {
    if (epoch > this.epoch || Number.isNaN(this.epoch)) this.sync(epoch);
    if (epoch !== this.epoch) return;
    const size = this.sizeOf(entry);
    if (size > this.maxBytes) return;
    this.delete(key);
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.bytes + size > this.maxBytes)) {
      this.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    this.bytes += size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= this.sizeOf(entry);
  }

  readEpochIn(tx: DbOrTx): Promise<number> {
    return readDeliveryEpochIn(tx);
  }

  getPrincipal(secretHash: string): ApiKeyPrincipal | undefined {
    return this.principals.get(secretHash);
  }

  setPrincipal(secretHash: string, principal: ApiKeyPrincipal, epoch: number): void {
    if (epoch > this.epoch || Number.isNaN(this.epoch)) this.sync(epoch);
    if (epoch !== this.epoch) return;
    if (this.principals.size >= this.maxPrincipals) {
      const oldest = this.principals.keys().next();
      if (!oldest.done) this.principals.delete(oldest.value);
    }
    this.principals.set(secretHash, principal);
  }

  get size(): number {
    return this.entries.size;
  }
}
