// What "Roll back" means for one environment and prompt, derived from its append-only deployment history.
// Pure and client-safe: manage-deployments.ts decides with it, the Deployments tab shows what it decided.
import type { DeploymentKind } from "@/db/schema";

/** One recorded move of the environment, oldest first. */
export interface EnvironmentMove {
  id: string;
  kind: DeploymentKind;
  toVersion: number;
}

/** A deployment still in effect: not undone by a later rollback. */
export interface InEffect {
  deploymentId: string;
  version: number;
}

export interface RollbackTarget {
  /** The version a rollback serves again, and the earlier deployment that served it. */
  version: number;
  deploymentId: string;
  /** The deployment in effect now, which the rollback undoes. */
  reverts: string;
  served: number;
}

/**
 * Replays the history as a stack. A deploy or promotion pushes its deployment. A rollback to version X pops every
 * deployment above the newest earlier one that served X: those are undone, and that one is in effect again. A
 * rollback to a version not on the stack (only the old roll-forward bug wrote those) is read as a push, so such a
 * history still replays to what the environment serves.
 */
export function deploymentsInEffect(moves: readonly EnvironmentMove[]): InEffect[] {
  const stack: InEffect[] = [];
  for (const move of moves) {
    if (move.kind === "rollback") {
      const at = stack.findLastIndex((entry, i) => i < stack.length - 1 && entry.version === move.toVersion);
      if (at >= 0) {
        stack.length = at + 1;
        continue;
      }
    }
    stack.push({ deploymentId: move.id, version: move.toVersion });
  }
  return stack;
}

/**
 * The newest deployment below the current one on the stack whose version is older than the one served. Newer
 * versions below it are skipped, never targeted: serving a newer version is a promotion and needs an approval.
 * Null when there is none, and then there is no "Roll back".
 */
export function rollbackTarget(moves: readonly EnvironmentMove[]): RollbackTarget | null {
  const stack = deploymentsInEffect(moves);
  const current = stack.at(-1);
  if (!current) return null;
  for (let i = stack.length - 2; i >= 0; i--) {
    const entry = stack[i]!;
    if (entry.version < current.version) {
      return { version: entry.version, deploymentId: entry.deploymentId, reverts: current.deploymentId, served: current.version };
    }
  }
  return null;
}
