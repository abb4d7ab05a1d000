import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

// Tables of one group; db/schema/index.ts gathers them (drizzle-kit and getDb read the index).

/**
 * One row whose `epoch` triggers bump whenever anything the delivery API serves changes (a pointer moves, a
 * version is added, a prompt is renamed or archived, a key is revoked). Every process compares it with the epoch
 * its cache was filled at, so caches stay correct when several servers share the database file.
 */
export const deliveryState = sqliteTable("delivery_state", {
  id: integer("id").primaryKey(),
  epoch: integer("epoch").notNull(),
});
