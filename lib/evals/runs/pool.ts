// A small promise pool: runs `task` over `items` with at most `concurrency` in flight. Workers pull the next item
// as soon as they finish one, so a slow case never holds up the others (unlike fixed batches).

export async function runPool<T>({
  items,
  concurrency,
  task,
  signal,
}: {
  items: Iterable<T>;
  concurrency: number;
  task: (item: T) => Promise<void>;
  /** Once aborted, no new item is started; items in flight are left to the task's own signal handling. */
  signal?: AbortSignal;
}): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    for (;;) {
      if (signal?.aborted || failure) return;
      const next = iterator.next();
      if (next.done) return;
      try {
        await task(next.value);
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

/**
 * runPool over items that arrive as the pool asks for them: each worker awaits `next()` for its next item and stops
 * when it resolves null. The eval runner leases cases from the database this way, a batch at a time, so several
 * processes can share one run.
 */
export async function drainQueue<T>({
  next,
  concurrency,
  task,
  signal,
}: {
  next: () => Promise<T | null>;
  concurrency: number;
  task: (item: T) => Promise<void>;
  signal?: AbortSignal;
}): Promise<void> {
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    for (;;) {
      if (signal?.aborted || failure) return;
      const item = await next();
      if (item === null || signal?.aborted || failure) return;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };
  const size = Math.max(1, Math.floor(concurrency));
  await Promise.all(Array.from({ length: size }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
