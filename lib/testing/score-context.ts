import type { ScoreContext } from "@/lib/evals/scorers/config";

/** A scorer's input for unit tests: the output, and a call that took 120 ms and cost $0.0004, unless `extra` says otherwise. */
export const scoreContext = (output: string, extra: Partial<ScoreContext> = {}): ScoreContext => ({
  workspaceId: "w",
  output,
  expected: null,
  variables: {},
  renderedInput: "",
  latencyMs: 120,
  costUsd: 0.0004,
  ...extra,
});
