import { describe, expect, it } from "vitest";
import { runPool } from "./pool";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runPool", () => {
  it("never has more than `concurrency` tasks in flight and runs every item once", async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool({
      items: Array.from({ length: 40 }, (_, i) => i),
      concurrency: 5,
      task: async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick(i % 3);
        seen.push(i);
        inFlight--;
      },
    });
    expect(peak).toBe(5);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it("starts the next item as soon as one finishes, not per batch", async () => {
    // The long item finishes only once the three short ones have ended (or, for a pool that waits per batch and so
    // never starts them, after a second): no timer races the pool, so a loaded machine cannot change the order.
    const order: string[] = [];
    let shortsEnded = 0;
    let releaseLong!: () => void;
    const longMayEnd = new Promise<void>((resolve) => (releaseLong = resolve));
    const fallback = setTimeout(releaseLong, 1_000);
    await runPool({
      items: ["long", "short 1", "short 2", "short 3"],
      concurrency: 2,
      task: async (item) => {
        order.push(`start ${item}`);
        if (item === "long") await longMayEnd;
        else await Promise.resolve();
        order.push(`end ${item}`);
        if (item !== "long" && ++shortsEnded === 3) releaseLong();
      },
    });
    clearTimeout(fallback);
    // The long first item is still running when the three short ones have all gone through the second slot.
    expect(order.indexOf("end long")).toBe(order.length - 1);
  });

  it("starts nothing new after the signal aborts", async () => {
    const controller = new AbortController();
    let started = 0;
    await runPool({
      items: Array.from({ length: 100 }, (_, i) => i),
      concurrency: 4,
      signal: controller.signal,
      task: async () => {
        started++;
        if (started === 10) controller.abort();
        await tick(1);
      },
    });
    expect(started).toBeLessThan(14);
  });

  it("rejects with the first unexpected error and stops taking items", async () => {
    let started = 0;
    await expect(
      runPool({
        items: Array.from({ length: 50 }, (_, i) => i),
        concurrency: 2,
        task: async (i) => {
          started++;
          await tick(1);
          if (i === 3) throw new Error("broken");
        },
      }),
    ).rejects.toThrow("broken");
    expect(started).toBeLessThan(8);
  });
});
