// One notice per Run, however many columns fail: each failing column already shows its own error, so the notice
// only says that (and why, when they all failed for the same reason, e.g. a missing variable).

export interface ColumnFailure {
  /** 1-based column number. */
  column: number;
  message: string;
}

/** The text of the one toast for a run's failed columns; null when none failed. */
export function summariseFailures(failures: readonly ColumnFailure[]): string | null {
  const [first] = failures;
  if (!first) return null;
  if (failures.length === 1) return `Column ${first.column}: ${first.message}`;
  const columns = failures.map((f) => f.column).sort((a, b) => a - b);
  const listed = `Columns ${columns.slice(0, -1).join(", ")} and ${columns.at(-1)}`;
  const reasons = new Set(failures.map((f) => f.message));
  return reasons.size === 1 ? `${listed}: ${first.message}` : `${listed} failed; each column says why.`;
}
