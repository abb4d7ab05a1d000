// `npm run db:copy -- --from <sqlite file> --to <postgres url>`: copies a studio's SQLite database, every table and
// row, into PostgreSQL (db/copy/copy-database.ts). Stopped or failed part-way, the same command resumes it. The
// target must not be serving the studio while the copy runs: its triggers are off until the copy ends.
import { parseArgs } from "node:util";
import { engineOf } from "@/db/engine";
import { copyDatabase, type CopyProgress } from "@/db/copy/copy-database";
import { CopyRefusedError, CopyStoppedError } from "@/db/copy/errors";

const USAGE = "usage: npm run db:copy -- --from <sqlite file> --to <postgres://…>   (the target must not be serving the studio)";
/** A long table's progress is printed at most this often. */
const PROGRESS_EVERY_MS = 2_000;

function options(): { from: string; to: string } {
  try {
    const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true, allowPositionals: false });
    if (!values.from || !values.to) console.error(`Give both --from and --to.\n${USAGE}`);
    else if (engineOf(values.to) !== "postgres" || !URL.canParse(values.to)) console.error(`--to must be a postgres:// URL.\n${USAGE}`);
    else return { from: values.from, to: values.to };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
  }
  process.exit(2);
}

function progressPrinter(): (progress: CopyProgress) => void {
  let lastTable = "";
  let lastAt = 0;
  return ({ table, copied, total, done }) => {
    const now = Date.now();
    if (!done && table === lastTable && now - lastAt < PROGRESS_EVERY_MS) return;
    if (!done && copied === 0) return;
    lastTable = table;
    lastAt = now;
    console.log(`  ${table}: ${copied} / ${total}${done ? "" : " …"}`);
  };
}

async function main() {
  const { from, to } = options();
  // Ctrl-C stops after the batch in flight, with the triggers back on; a second one ends the process at once.
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  const { host, pathname } = new URL(to);
  console.log(`Copying ${from} into ${host}${pathname} …`);
  const summary = await copyDatabase({ from, to, signal: stop.signal, onProgress: progressPrinter() });
  const width = Math.max(...summary.tables.map((t) => t.table.length));
  const resumed = summary.resumed ? ` (resumed: ${summary.copiedThisRun} rows this run)` : "";
  console.log(`Copied ${summary.rows} rows in ${summary.tables.length} tables in ${summary.seconds.toFixed(1)} s${resumed}:`);
  for (const { table, rows } of summary.tables) console.log(`  ${table.padEnd(width)}  ${rows}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CopyRefusedError) {
    console.error(`Copy refused: ${message}`);
    process.exit(2);
  }
  console.error(error instanceof CopyStoppedError ? message : `Copy failed: ${message}`);
  process.exit(1);
});
