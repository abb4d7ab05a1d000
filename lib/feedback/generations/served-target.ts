import "server-only";
import { getDb } from "@/db";
import { findEnvironmentBySlug, findPointer, readDeliveryEpoch, requireServablePrompt } from "@/lib/serving/server";
import { AppError } from "@/lib/core/errors";
import { findVersion } from "@/lib/prompts/server";
import type { GuardPolicy } from "@/lib/core/vocabulary/guard-policy";

// Which version a reported generation names: the prompt by name, and the version given or the one its label's
// environment serves. Applications report on every model call, almost always the same few prompts, so what was
// found is kept under the delivery epoch, as the delivery API's own cache is: triggers move the epoch in the same
// transaction as every change this depends on (a pointer moves, a version is added, a prompt renamed or archived,
// an environment changed), and the cache is dropped as soon as the process sees it move. Only what was found is
// kept; a refusal is worked out again each time, so its error is the database's current one.

export interface ServedTarget {
  promptId: string;
  version: number;
  environmentId: string | null;
  /** The version's guard policy, if any: kept with the target, so each report compiles and reads it once. */
  guard: GuardPolicy | undefined;
}

/** Plenty for the prompts a workspace reports on; past it the cache starts again rather than grow. */
const MAX_ENTRIES = 10_000;

const cache = { epoch: Number.NaN, entries: new Map<string, ServedTarget>() };

/** `epoch`, when given, was read just before (the delivery API admits each request under it). */
export async function resolveServedTarget(
  workspaceId: string,
  input: { prompt: string; version?: number; label?: string },
  epoch: number = readDeliveryEpoch(),
): Promise<ServedTarget> {
  // Read before the database is, so what is found is at least as new as the epoch it is kept under.
  if (epoch !== cache.epoch) {
    cache.entries.clear();
    cache.epoch = epoch;
  }
  const key = `${workspaceId}\n${input.prompt}\n${input.label ?? ""}\n${input.version ?? ""}`;
  const hit = cache.entries.get(key);
  if (hit) return hit;
  const target = await findServedTarget(workspaceId, input);
  if (cache.epoch === epoch) {
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
    cache.entries.set(key, target);
  }
  return target;
}

async function findServedTarget(workspaceId: string, input: { prompt: string; version?: number; label?: string }): Promise<ServedTarget> {
  const db = getDb();
  const prompt = await requireServablePrompt(db, { workspaceId, name: input.prompt });
  let version = input.version;
  let environmentId: string | null = null;
  if (input.label !== undefined) {
    const environment = await findEnvironmentBySlug(db, { workspaceId, slug: input.label });
    if (!environment) throw new AppError("not_found:environment", `No environment "${input.label}" in this workspace.`);
    const pointer = await findPointer(db, { environmentId: environment.id, promptId: prompt.id });
    if (!pointer) throw new AppError("not_found:deployment", `${environment.name} serves no version of "${prompt.name}".`);
    version = pointer.version;
    environmentId = environment.id;
  }
  const found = await findVersion(db, { promptId: prompt.id, version: version! });
  if (!found) throw new AppError("not_found:prompt", `"${prompt.name}" has no version ${version}.`);
  return { promptId: prompt.id, version: version!, environmentId, guard: found.modelConfig.guard };
}
