import type pg from "pg";
import { engineOf } from "../engine";
import { createCheckpoint, dropCheckpoint, hasCheckpoint, readCheckpoints, saveCheckpoint, type Checkpoint } from "./checkpoint";
import { toTargetRow, type TargetColumn } from "./convert";
import { CopyRefusedError, CopyStoppedError } from "./errors";
import { openSource, type Source } from "./source";
import { tableOrder } from "./table-order";
import {
  checkSameSchema,
  clearSeededRows,
  connectTarget,
  inTransaction,
  insertRows,
  migrateTarget,
  quotePg,
  setUserTriggers,
  tablesInUse,
  targetColumns,
} from "./target";

// `npm run db:copy`: a workspace's whole history, every table and row, from a SQLite file into PostgreSQL.
// Tables go in foreign-key order, each read in keyset batches by rowid (never whole); each batch is inserted in one
// transaction together with its checkpoint row, so a copy that stops, however it stops, resumes after the last batch
// that committed and copies no row twice. The tables' triggers are off while it runs (db/copy/target.ts says why),
// so the target must not be serving the studio meanwhile.

export const DEFAULT_BATCH_SIZE = 1000;

export interface CopyProgress {
  table: string;
  /** Rows of this table on the target so far, earlier runs included. */
  copied: number;
  /** Rows of this table in the source. */
  total: number;
  done: boolean;
}

export interface CopyOptions {
  /** The SQLite file (a `file:` prefix is allowed). */
  from: string;
  /** The Postgres URL. */
  to: string;
  batchSize?: number;
  /** Stops the copy after the batch in flight commits; running it again resumes. */
  signal?: AbortSignal;
  onProgress?: (progress: CopyProgress) => void;
}

export interface CopySummary {
  /** Every table in the order copied, with its rows on the target. */
  tables: { table: string; rows: number }[];
  rows: number;
  /** Rows this run copied (fewer than `rows` when it resumed an earlier one). */
  copiedThisRun: number;
  seconds: number;
  resumed: boolean;
}

export async function copyDatabase(options: CopyOptions): Promise<CopySummary> {
  const started = performance.now();
  if (engineOf(options.to) !== "postgres") throw new CopyRefusedError(`--to must be a postgres:// URL, not "${options.to}".`);
  const source = openSource(options.from);
  try {
    await migrateTarget(options.to);
    const client = await connectTarget(options.to);
    try {
      const summary = await copyInto(client, source, options);
      return { ...summary, seconds: (performance.now() - started) / 1000 };
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    source.close();
  }
}

async function copyInto(client: pg.Client, source: Source, options: CopyOptions): Promise<Omit<CopySummary, "seconds">> {
  const columns = await targetColumns(client);
  checkSameSchema(source.tables, columns);
  const order = tableOrder(source.tables.map((t) => t.name), source.foreignKeys);
  const resumed = await hasCheckpoint(client);
  if (!resumed) {
    const inUse = await tablesInUse(client, order);
    if (inUse.length > 0) {
      throw new CopyRefusedError(
        `The target database already has studio data (in ${inUse.slice(0, 4).join(", ")}${inUse.length > 4 ? ", …" : ""}). ` +
          "Copy into a new, empty database; only a copy that was stopped part-way is resumed into one that has rows.",
      );
    }
  }
  await inTransaction(client, async () => {
    await setUserTriggers(client, order, false);
    if (!resumed) {
      await createCheckpoint(client, order);
      await clearSeededRows(client);
    }
  });
  let failure: unknown = null;
  let copiedThisRun = 0;
  const tables: CopySummary["tables"] = [];
  try {
    const checkpoints = await readCheckpoints(client);
    if (resumed) await checkResumable(client, checkpoints);
    for (const table of order) {
      const copy = new TableCopy(client, source, options, table, columns.get(table)!, checkpoints.get(table));
      copiedThisRun += await copy.run(() => copiedThisRun);
      tables.push({ table, rows: copy.checkpoint.rowsCopied });
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // Whatever happened, the target gets its guarantees back; a failure to do so must not hide the copy's own error.
    await inTransaction(client, () => setUserTriggers(client, order, true)).catch((error: unknown) => {
      if (failure === null) throw error;
    });
  }
  await dropCheckpoint(client);
  return { tables, rows: tables.reduce((sum, t) => sum + t.rows, 0), copiedThisRun, resumed };
}

/** A resume trusts the checkpoint only if the target holds exactly the rows it counts: nobody wrote there since. */
async function checkResumable(client: pg.Client, checkpoints: ReadonlyMap<string, Checkpoint>): Promise<void> {
  for (const [table, checkpoint] of checkpoints) {
    const { rows } = await client.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quotePg(table)}`);
    const actual = Number(rows[0]!.n);
    if (actual !== checkpoint.rowsCopied) {
      throw new Error(
        `${table} has ${actual} rows on the target but the copy's checkpoint counts ${checkpoint.rowsCopied}: the target was changed ` +
          "since the copy stopped. Start again into a new, empty database.",
      );
    }
  }
}

/** One table's copy: batches after its checkpoint until the source has no more rows. */
class TableCopy {
  checkpoint: Checkpoint;
  private readonly total: number;
  private readonly batchSize: number;

  constructor(
    private readonly client: pg.Client,
    private readonly source: Source,
    private readonly options: CopyOptions,
    private readonly table: string,
    private readonly columns: TargetColumn[],
    saved: Checkpoint | undefined,
  ) {
    this.checkpoint = saved ?? { lastRowid: 0, rowsCopied: 0, done: false };
    this.total = source.count(table);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Copies what is left; returns how many rows that was. `before` counts this run's rows so far, for the stop message. */
  async run(before: () => number): Promise<number> {
    let copied = 0;
    this.report();
    while (!this.checkpoint.done) {
      if (this.options.signal?.aborted) {
        throw new CopyStoppedError(`Stopped after copying ${before() + copied} rows, in ${this.table}. Run the same command again to resume.`);
      }
      const rows = this.source.batch(this.table, this.checkpoint.lastRowid, this.batchSize);
      const converted = rows.map((row) => toTargetRow(row, this.columns, (column) => `${this.table}.${column} (rowid ${String(row.__rowid)})`));
      const next: Checkpoint = {
        lastRowid: rows.length > 0 ? Number(rows.at(-1)!.__rowid) : this.checkpoint.lastRowid,
        rowsCopied: this.checkpoint.rowsCopied + rows.length,
        // A short batch is the last; a full one may be too, which the next (empty) batch finds out.
        done: rows.length < this.batchSize,
      };
      try {
        await inTransaction(this.client, async () => {
          if (converted.length > 0) await insertRows(this.client, this.table, this.columns, converted);
          await saveCheckpoint(this.client, this.table, next);
        });
      } catch (error) {
        throw new Error(`Copying ${this.table} after rowid ${this.checkpoint.lastRowid}: ${(error as Error).message}`, { cause: error });
      }
      this.checkpoint = next;
      copied += rows.length;
      this.report();
    }
    return copied;
  }

  private report(): void {
    this.options.onProgress?.({ table: this.table, copied: this.checkpoint.rowsCopied, total: this.total, done: this.checkpoint.done });
  }
}
