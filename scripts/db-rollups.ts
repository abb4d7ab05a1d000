// `npm run db:rollups`: finishes the rollups' backfill now (the server also runs it in the background on start).
// `npm run db:rollups -- --verify`: recomputes every rollup from the raw rows and reports any figure that differs;
// exits 1 if one does. Both work on DATABASE_URL, SQLite or Postgres, while the studio serves.
import { parseArgs } from "node:util";
import { closeDb, prepareDatabase } from "@/db";
import { backfillRollups } from "@/db/rollups/backfill";
import { verifyRollups } from "@/db/rollups/verify";

const USAGE = "usage: npm run db:rollups [-- --verify]";
/** Differences printed in full; the rest are counted. */
const SHOWN = 20;

async function main(): Promise<number> {
  let verify = false;
  try {
    verify = Boolean(parseArgs({ options: { verify: { type: "boolean" } }, strict: true, allowPositionals: false }).values.verify);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  await prepareDatabase();
  if (!verify) {
    const added = new Map<string, number>();
    await backfillRollups(({ source, rows }) => added.set(source, (added.get(source) ?? 0) + rows));
    console.log(`Rollups backfilled: ${[...added].map(([source, rows]) => `${rows} ${source}`).join(", ")} added.`);
    return 0;
  }
  const differences = await verifyRollups();
  if (differences.length === 0) {
    console.log("Rollups agree with the raw rows.");
    return 0;
  }
  for (const d of differences.slice(0, SHOWN)) console.log(`${d.table} ${JSON.stringify(d.key)} ${d.figure}: raw rows say ${d.expected}, rollup says ${d.actual}`);
  if (differences.length > SHOWN) console.log(`… and ${differences.length - SHOWN} more.`);
  console.log(`${differences.length} rollup figure(s) differ from the raw rows.`);
  return 1;
}

main().then(
  (code) => {
    closeDb();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
