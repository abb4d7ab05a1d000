// How a scorer is configured for an evaluation. Vocabulary: the stored shape (db/schema/ takes it from here) and the
// language every layer speaks; pure types, client-safe.

/** A scorer as configured for a run (or suggested by a dataset). `params` are validated per type by lib/evals. */
export interface ScorerConfig {
  /** Stable key within the run, e.g. "contains-1"; results and charts group by it. */
  key: string;
  type: string;
  /** Shown in tables and charts, e.g. `contains "refund"`. */
  label: string;
  params: Record<string, unknown>;
  /** Minimum score (0..1) for a pass, when the scorer's own verdict is not already pass/fail. */
  threshold?: number;
  /** Inverts the verdict (promptfoo's `not-` prefix): passes when the check fails. Errors stay errors. */
  negate?: boolean;
}
