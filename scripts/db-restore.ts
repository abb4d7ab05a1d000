// `npm run db:restore -- <file>`: replaces DATABASE_URL with a backup. Refuses while the studio (or any process) has
// the database open; keeps the current database beside it first (db/backup.ts).
import { parseEnv } from "@/lib/platform/env";
import { fileArgument, runScript } from "./cli";
import { restoreDatabase } from "@/db/backup";

async function main() {
  const file = fileArgument("usage: npm run db:restore -- <backup file>   (stop the server first)");
  const target = parseEnv(process.env).DATABASE_URL;
  const { previous, interruptedRuns } = await restoreDatabase({ file, target });
  if (previous) console.log(`The database as it was is kept at ${previous}.`);
  console.log(`Restored ${file} into ${target}.`);
  if (interruptedRuns > 0) console.log(`${interruptedRuns} evaluation run(s) were running when the backup was taken; they resume when the server starts.`);
  console.log(
    "Start the server with the secrets.json (or AUTH_SECRET and STUDIO_ENCRYPTION_KEY) that were in use when the backup " +
      "was taken: with other ones, members must sign in again and stored provider keys cannot be read.",
  );
}

runScript("Restore", main);
