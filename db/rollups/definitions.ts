import { getTableColumns, getTableName, sql } from "drizzle-orm";
import {
  evalScorerRollupDeltas,
  evalScorerRollups,
  evalTargetRollupDeltas,
  evalTargetRollups,
  generationRollupDeltas,
  generationRollups,
  ratingCriterionRollupDeltas,
  ratingCriterionRollups,
  ratingRollupDeltas,
  ratingRollups,
} from "../schema/rollups";

// The rollups, as the backfill and the verifier see them: each is a table of keys and figures, filled from a view
// (db/migrations 0013, db/migrations-pg 0003) that gives one summarised row's keys and figures. The figures are the
// table's columns that are not keys, so a figure added to a table is backfilled and verified with no change here.

/** A summarised table whose rows are backfilled behind one cursor (rollup_backfills.source), in key order. */
export type RollupSource = "ratings" | "generations" | "eval_results";

export interface Rollup {
  table: string;
  /** Where Postgres's triggers append what rows add, until it is folded into `table` (./fold.ts). */
  deltas: string;
  /** The view of what each summarised row adds: `<row column>`, the keys and the figures. */
  view: string;
  source: RollupSource;
  /** The view's column holding the source row's key (the cursor's order). */
  rowColumn: string;
  keys: string[];
  figures: string[];
  /** Figures that are counts, compared exactly; the others are sums of reals, compared to a relative 1e-9. */
  counts: Set<string>;
}

function rollup(table: Parameters<typeof getTableColumns>[0], deltas: Parameters<typeof getTableName>[0], view: string, source: RollupSource, rowColumn: string, keys: string[]): Rollup {
  const columns = Object.values(getTableColumns(table));
  const figures = columns.map((c) => c.name).filter((name) => !keys.includes(name));
  const counts = new Set(columns.filter((c) => c.columnType.endsWith("Integer") && !keys.includes(c.name)).map((c) => c.name));
  return { table: getTableName(table), deltas: getTableName(deltas), view, source, rowColumn, keys, figures, counts };
}

const ITEM_KEYS = ["workspace_id", "day", "scheme", "prompt_id", "version", "environment_id", "model_id", "dataset_id"];

export const ROLLUPS: readonly Rollup[] = [
  rollup(ratingRollups, ratingRollupDeltas, "rating_rollup_rows", "ratings", "rating_id", [...ITEM_KEYS, "pair_version", "pair_model_id"]),
  rollup(ratingCriterionRollups, ratingCriterionRollupDeltas, "rating_criterion_rollup_rows", "ratings", "rating_id", [...ITEM_KEYS, "criterion"]),
  rollup(generationRollups, generationRollupDeltas, "generation_rollup_rows", "generations", "generation_id", ["workspace_id", "day", "environment_id", "prompt_id", "version", "model_id"]),
  rollup(evalTargetRollups, evalTargetRollupDeltas, "eval_target_rollup_rows", "eval_results", "result_id", ["target_id"]),
  rollup(evalScorerRollups, evalScorerRollupDeltas, "eval_scorer_rollup_rows", "eval_results", "result_id", ["target_id", "scorer_key"]),
];

/** The summarised table behind each source, and its key column. */
export const SOURCES: Record<RollupSource, { table: string; key: string }> = {
  ratings: { table: "ratings", key: "id" },
  generations: { table: "generations", key: "id" },
  eval_results: { table: "eval_results", key: "id" },
};

/** A quoted identifier, and a comma list of them (each through `wrap`): the names are the constants above, never input. */
export const ident = (name: string) => sql.raw(`"${name}"`);
export const identList = (names: string[], wrap: (name: string) => string = (n) => `"${n}"`) => sql.raw(names.map(wrap).join(", "));
