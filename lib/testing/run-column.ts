import type { RunColumnInput } from "@/lib/playground";

/**
 * A request to run one playground column (POST /api/playground/run): v1 of the prompt, as column 1 of a batch of its
 * own, with default settings and no follow-up turns, unless `run` says otherwise.
 */
export function runColumnInput({ promptId, modelId, variables, ...run }: Pick<RunColumnInput, "promptId" | "modelId" | "variables"> & Partial<RunColumnInput>): RunColumnInput {
  return { promptId, batchId: crypto.randomUUID(), column: 1, source: { kind: "version", version: 1 }, modelId, settings: {}, variables, followUps: [], ...run };
}
