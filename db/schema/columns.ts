import { integer, text } from "drizzle-orm/sqlite-core";

// Every id is a random UUID string; every time is a JS Date stored as integer milliseconds.
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
