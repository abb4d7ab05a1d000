// A token bucket per API key, in memory, per server process: each key may make `perMinute` requests a minute,
// in bursts of up to that many. Several processes each allow that much; the limit protects a server from one
// runaway client, it is not a billing meter.

const MAX_TRACKED_KEYS = 10_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class KeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly perMinute: number) {
    this.perMs = perMinute / 60_000;
  }

  /** 0 when the request may proceed, else the seconds to wait before the next one would. */
  take(keyId: string, now = Date.now()): number {
    let bucket = this.buckets.get(keyId);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_KEYS) this.buckets.clear();
      bucket = { tokens: this.perMinute, updatedAt: now };
      this.buckets.set(keyId, bucket);
    } else {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
      bucket.updatedAt = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }
}
