import "server-only";
import { getDb } from "@/db";
import { listPointersForPrompts } from "./queries";

/** Per prompt, the environments serving it and the version each serves. */
export type ServedVersions = Map<string, { name: string; version: number }[]>;

/** What each listed prompt is served as, for the prompts list's Serving column. */
export async function loadServedVersions(promptIds: string[]): Promise<ServedVersions> {
  const served: ServedVersions = new Map();
  for (const pointer of await listPointersForPrompts(getDb(), { promptIds })) {
    served.set(pointer.promptId, [...(served.get(pointer.promptId) ?? []), { name: pointer.name, version: pointer.version }]);
  }
  return served;
}

/** One prompt's versions that an environment serves, each with the environments' names, for its history. */
export async function loadServingEnvironments(promptId: string): Promise<Map<number, string[]>> {
  const servedIn = new Map<number, string[]>();
  for (const pointer of await listPointersForPrompts(getDb(), { promptIds: [promptId] })) {
    servedIn.set(pointer.version, [...(servedIn.get(pointer.version) ?? []), pointer.name]);
  }
  return servedIn;
}
