// `npm run db:backup -- <file> [--force]`: a consistent copy of DATABASE_URL through SQLite's backup API, safe while
// the server runs (db/backup.ts). --force replaces an existing file.
import path from "node:path";
import { parseEnv } from "@/lib/platform/env";
import { fileArgument, runScript } from "./cli";
import { backupDatabase } from "@/db/backup";

async function main() {
  const target = fileArgument("usage: npm run db:backup -- <file> [--force]");
  const source = parseEnv(process.env).DATABASE_URL;
  const { file, bytes, pages } = await backupDatabase({ source, target, overwrite: process.argv.includes("--force") });
  console.log(`Backed up ${path.resolve(source)} to ${file} (${pages} pages, ${(bytes / 1024 / 1024).toFixed(1)} MiB, integrity ok).`);
  console.log(
    "Keep secrets.json from the database's folder (or your AUTH_SECRET and STUDIO_ENCRYPTION_KEY) with your backups, " +
      "stored as carefully: without STUDIO_ENCRYPTION_KEY the provider keys and webhook secrets in a backup cannot be read.",
  );
}

runScript("Backup", main);
