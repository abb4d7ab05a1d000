import { integer, sqliteTable } from "./dialect";

// The delivery epoch. db/schema/index.ts gathers every group.

/**
 * One row whose `epoch` triggers bump whenever anything the delivery API serves changes (a pointer moves, a
 * version is added, a prompt is renamed or archived, a key is revoked). Every process compares it with the epoch
 * its cache was filled at, so caches stay correct when several servers share the database file.
 */
export const deliveryState = sqliteTable("delivery_state", {
  id: integer("id").primaryKey(),
  epoch: integer("epoch").notNull(),
});
