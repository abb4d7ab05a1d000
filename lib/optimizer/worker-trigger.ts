// How a new optimization wakes this process's worker without importing it (the worker imports the driver, which
// imports the manage module that starts runs: importing the worker from there would close a cycle).
const globalForTrigger = globalThis as unknown as { studioOptimizationWorkerPoke?: (() => void) | undefined };

/** Asks the worker to look for optimizations now; nothing without a started worker (scripts, unit tests). */
export function triggerOptimizationWorker(): void {
  globalForTrigger.studioOptimizationWorkerPoke?.();
}

export function setOptimizationWorkerPoke(poke: (() => void) | undefined): void {
  globalForTrigger.studioOptimizationWorkerPoke = poke;
}
