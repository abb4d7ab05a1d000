import { describe, expect, it } from "vitest";
import { deploymentsInEffect, rollbackTarget, type EnvironmentMove } from "./rollback-target";

/**
 * Plays a script against one environment the way manage-deployments does: a number deploys (or promotes) that
 * version, "rollback" rolls back to the computed target. Returns the recorded moves.
 */
function play(script: (number | "rollback")[]): EnvironmentMove[] {
  const moves: EnvironmentMove[] = [];
  for (const step of script) {
    const id = `d${moves.length + 1}`;
    if (step === "rollback") {
      const target = rollbackTarget(moves);
      if (!target) throw new Error(`nothing to roll back to after ${JSON.stringify(moves)}`);
      moves.push({ id, kind: "rollback", toVersion: target.version });
    } else {
      moves.push({ id, kind: "promotion", toVersion: step });
    }
  }
  return moves;
}

const served = (moves: EnvironmentMove[]) => deploymentsInEffect(moves).at(-1)?.version ?? null;
const targetVersion = (moves: EnvironmentMove[]) => rollbackTarget(moves)?.version ?? null;

describe("rollback target", () => {
  it("has none for an environment that never moved or moved once", () => {
    expect(rollbackTarget([])).toBeNull();
    expect(rollbackTarget(play([1]))).toBeNull();
  });

  it("is the deployment before the current one, and names the deployment it reverts", () => {
    const moves = play([1, 2]);
    expect(rollbackTarget(moves)).toEqual({ version: 1, deploymentId: "d1", reverts: "d2", served: 2 });
  });

  it("after v1 → v2 → rollback there is nothing earlier: never v2 again", () => {
    const moves = play([1, 2, "rollback"]);
    expect(served(moves)).toBe(1);
    expect(rollbackTarget(moves)).toBeNull();
  });

  it("v1 → v2 → v3: rolling back twice goes to v2, then v1, then nowhere", () => {
    expect(targetVersion(play([1, 2, 3]))).toBe(2);
    const once = play([1, 2, 3, "rollback"]);
    expect([served(once), targetVersion(once)]).toEqual([2, 1]);
    const twice = play([1, 2, 3, "rollback", "rollback"]);
    expect([served(twice), targetVersion(twice)]).toEqual([1, null]);
  });

  it("promoting v3 again after two rollbacks puts it back on the stack: the next rollback goes to v1", () => {
    const moves = play([1, 2, 3, "rollback", "rollback", 3]);
    expect(deploymentsInEffect(moves).map((d) => d.version)).toEqual([1, 3]);
    expect(rollbackTarget(moves)).toEqual({ version: 1, deploymentId: "d1", reverts: "d6", served: 3 });
    const after = play([1, 2, 3, "rollback", "rollback", 3, "rollback"]);
    expect([served(after), targetVersion(after)]).toEqual([1, null]);
  });

  it("re-promoting v2 after rolling back to v1 makes v1 the target again", () => {
    const moves = play([1, 2, 3, "rollback", "rollback", 2]);
    expect([served(moves), targetVersion(moves)]).toEqual([2, 1]);
  });

  it("skips an earlier deployment of a newer version: v1 → v3 → v2 rolls back to v1, not v3", () => {
    const moves = play([1, 3, 2]);
    expect(rollbackTarget(moves)).toMatchObject({ version: 1, deploymentId: "d1", reverts: "d3" });
    const after = play([1, 3, 2, "rollback"]);
    expect(deploymentsInEffect(after).map((d) => d.version)).toEqual([1]);
    expect(targetVersion(after)).toBeNull();
  });

  it("never goes to a newer version even when the only earlier deployments are newer: v3 → v1 → v2", () => {
    const moves = play([3, 1, 2]);
    expect(targetVersion(moves)).toBe(1);
    expect(targetVersion(play([3, 1, 2, "rollback"]))).toBeNull();
    expect(targetVersion(play([3, 1]))).toBeNull();
  });

  it("a version promoted again on top of itself is not a target: v1 → v2 → v1 has nothing older than v1", () => {
    expect(targetVersion(play([1, 2, 1]))).toBeNull();
    expect(targetVersion(play([1, 2, 1, 3]))).toBe(1);
  });

  it("reads a roll-forward recorded by the old code as a move to that version", () => {
    // Before the fix, a second rollback after v1 → v2 → v1 went "back" to v2 with no approval.
    const legacy: EnvironmentMove[] = [
      { id: "d1", kind: "promotion", toVersion: 1 },
      { id: "d2", kind: "promotion", toVersion: 2 },
      { id: "d3", kind: "rollback", toVersion: 1 },
      { id: "d4", kind: "rollback", toVersion: 2 },
    ];
    expect(deploymentsInEffect(legacy).map((d) => [d.deploymentId, d.version])).toEqual([
      ["d1", 1],
      ["d4", 2],
    ]);
    expect(rollbackTarget(legacy)).toEqual({ version: 1, deploymentId: "d1", reverts: "d4", served: 2 });
  });

  it("over many random histories, the target is always older than what is served and was served here before", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const moves: EnvironmentMove[] = [];
      for (let step = 0; step < 30; step++) {
        const target = rollbackTarget(moves);
        const current = served(moves);
        if (target) {
          expect(target.version).toBeLessThan(target.served);
          expect(target.served).toBe(current);
          expect(moves.some((m) => m.id === target.deploymentId && m.toVersion === target.version)).toBe(true);
        }
        if (target && random(3) === 0) moves.push({ id: `d${step}`, kind: "rollback", toVersion: target.version });
        else {
          const version = 1 + random(6);
          if (version !== current) moves.push({ id: `d${step}`, kind: random(2) ? "deploy" : "promotion", toVersion: version });
        }
        expect(served(moves)).toBe(moves.at(-1)?.toVersion ?? null);
      }
    }
  });
});
