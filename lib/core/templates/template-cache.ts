// Templates are rendered far more often than they change (the delivery API renders the served version on every
// model call), so what depends on the source alone is kept, per process, keyed by that source: our scan
// (prepareTemplate) and mustache's tokens. A result depends on nothing but the source text, so an entry can never
// be stale; the caches are bounded by entries and by characters, the least recently used dropped first.

const MAX_ENTRIES = 512;
const MAX_CHARS = 8 * 1024 * 1024;

/** A map from a source text to what was computed from it, at most MAX_ENTRIES and MAX_CHARS of keys. */
export class SourceCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  get(source: string): V | undefined {
    const value = this.entries.get(source);
    if (value === undefined) return undefined;
    // Re-inserted, so the Map's order is the order of last use.
    this.entries.delete(source);
    this.entries.set(source, value);
    return value;
  }

  set(source: string, value: V): void {
    if (source.length > MAX_CHARS) return;
    if (this.entries.delete(source)) this.chars -= source.length;
    this.entries.set(source, value);
    this.chars += source.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
