import { defineConfig } from "drizzle-kit";
import { engineOf } from "./db/engine";

// One schema (db/schema, built for the engine DATABASE_URL names: db/schema/dialect.ts), two migration folders.
// `npm run db:generate` writes SQLite's; with a postgres:// DATABASE_URL, Postgres's (no server is needed to generate).
const url = process.env.DATABASE_URL ?? "./data/studio.db";
const postgres = engineOf(url) === "postgres";

export default defineConfig({
  dialect: postgres ? "postgresql" : "sqlite",
  schema: "./db/schema/index.ts",
  out: postgres ? "./db/migrations-pg" : "./db/migrations",
  dbCredentials: { url },
  strict: true,
  verbose: true,
});
