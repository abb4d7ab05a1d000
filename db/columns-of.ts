import { getTableColumns, type Table } from "drizzle-orm";

/**
 * Some of a table's columns under their own names, for a select list that also takes columns from joined tables:
 * `select({ ...columnsOf(apiKeys, ["id", "name"]), ownerName: users.name })` instead of `id: apiKeys.id, ...`.
 *
 * NoInfer: inside `select({...})` TypeScript would otherwise also infer K from the select's expected type (every
 * column), and then flag the joined fields beside the spread as overwritten.
 */
export function columnsOf<T extends Table, K extends keyof T["_"]["columns"] & string>(table: T, names: readonly K[]): Pick<T["_"]["columns"], NoInfer<K>> {
  const columns = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<T["_"]["columns"], K>;
}
