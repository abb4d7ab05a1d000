// `npm run db:backup -- <file> [--force]`: a consistent copy of DATABASE_URL through SQLite's backup API, safe while
// the server runs (db/backup.ts). --force replaces an existing file.
import path from "node:path";
import { parseEnv } from "@/lib/platform/env";
import { backupDatabase } from "@/db/backup";

async function main() {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith("--"));
  if (!target) {
    console.error("usage: npm run db:backup -- <file> [--force]");
    process.exit(2);
  }
  const source = parseEnv(process.env).DATABASE_URL;
  const { file, bytes, pages } = await backupDatabase({ source, target, overwrite: args.includes("--force") });
  console.log(`Backed up ${path.resolve(source)} to ${file} (${pages} pages, ${(bytes / 1024 / 1024).toFixed(1)} MiB, integrity ok).`);
  console.log(
    "Keep secrets.json from the database's folder (or your AUTH_SECRET and STUDIO_ENCRYPTION_KEY) with your backups, " +
      "stored as carefully: without STUDIO_ENCRYPTION_KEY the provider keys and webhook secrets in a backup cannot be read.",
  );
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
