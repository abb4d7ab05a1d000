import { z } from "zod";

// Where the database lives is db/'s own setting, so opening it needs nothing from lib/platform (db/ sits below it).
// lib/platform/env.ts validates the same variable with this schema, so both read it alike.
export const databaseUrlSchema = z
  .string()
  .min(1)
  .default("./data/studio.db")
  .transform((v) => v.replace(/^file:/, ""));

export function databaseUrl(source: Record<string, string | undefined> = process.env): string {
  return databaseUrlSchema.parse(source.DATABASE_URL);
}
