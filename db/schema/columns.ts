import { integer, text, type AnySQLiteColumn } from "./dialect";

// Every id is a random UUID string; every time is a JS Date stored as integer milliseconds.
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

/** A required reference to another table's id, with no ON DELETE action: `ref("workspace_id", () => workspaces.id)`. */
export const ref = (name: string, target: () => AnySQLiteColumn) => text(name).notNull().references(target);

/** An optional reference to another table's id (null when there is none), with no ON DELETE action. */
export const optionalRef = (name: string, target: () => AnySQLiteColumn) => text(name).references(target);

/** When a row last changed; set on insert, and by each writer on update. */
export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

/** An optional point in time, stored as integer milliseconds. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
