// The states a run and its results move through. Vocabulary: db/schema/ stores them as enums, request schemas
// validate against them and the client shows them, so they live here, client-safe.

/** A playground run (one model call), written once when the call ends. */
export const RUN_STATUSES = ["succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** An eval run, queued to finished. */
export const EVAL_RUN_STATUSES = ["queued", "running", "interrupted", "cancelled", "completed", "failed"] as const;
export type EvalRunStatus = (typeof EVAL_RUN_STATUSES)[number];

/** One scored case of an eval run. */
export const EVAL_RESULT_STATUSES = ["passed", "failed", "error", "unscored"] as const;
export type EvalResultStatus = (typeof EVAL_RESULT_STATUSES)[number];
