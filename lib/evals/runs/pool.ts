// A small promise pool: runs `task` over `items` with at most `concurrency` in flight. Workers pull the next item
// as soon as they finish one, so a slow case never holds up the others (unlike fixed batches).

interface PoolOptions<T> {
  concurrency: number;
  task: (item: T) => Promise<void>;
  /** Once aborted, no new item is started; items in flight are left to the task's own signal handling. */
  signal?: AbortSignal;
}

export async function runPool<T>({ items, concurrency, task, signal }: PoolOptions<T> & { items: Iterable<T> }): Promise<void> {
  const iterator = items[Symbol.iterator]();
  // Boxed, so that an item that is itself null is not taken for the end.
  await drainQueue<{ item: T }>({
    next: () => {
      const next = iterator.next();
      return Promise.resolve(next.done ? null : { item: next.value });
    },
    concurrency,
    task: ({ item }) => task(item),
    ...(signal ? { signal } : {}),
  });
}

/**
 * runPool over items that arrive as the pool asks for them: each worker awaits `next()` for its next item and stops
 * when it resolves null. The eval runner leases cases from the database this way, a batch at a time, so several
 * processes can share one run.
 */
export async function drainQueue<T>({ next, concurrency, task, signal }: PoolOptions<T> & { next: () => Promise<T | null> }): Promise<void> {
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    for (;;) {
      if (signal?.aborted || failure) return;
      const item = await next();
      if (item === null || signal?.aborted || failure) return;
      try {
        await task(item);
      } catch (error) {
        // The first unexpected failure stops the pool; tasks are expected to turn expected failures into results.
        failure ??= { error };
        return;
      }
    }
  };
  const size = Math.max(1, Math.floor(concurrency));
  await Promise.all(Array.from({ length: size }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
