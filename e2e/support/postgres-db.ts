import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// The Postgres smoke studio's database (scripts/e2e-server.mjs --postgres writes its URL beside its data), read so a
// spec checks what was stored, not only what the screen shows.
const URL_FILE = path.resolve("data/e2e-postgres/database-url");

export async function queryPostgresStudio<T>(text: string, ...params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: fs.readFileSync(URL_FILE, "utf8").trim() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
