/**
 * The first row of a query, or undefined: `await first(db.select().from(t).where(...))`. Written against the query
 * builder both engines share (better-sqlite3's `.get()` has no Postgres twin); the LIMIT 1 goes to the database.
 */
export async function first<Row>(query: { limit(count: number): PromiseLike<Row[]> }): Promise<Row | undefined> {
  const rows = await query.limit(1);
  return rows[0];
}

/** The one row an INSERT … RETURNING or UPDATE … RETURNING gave back; for a write that always affects one row. */
export async function only<Row>(query: PromiseLike<Row[]>): Promise<Row> {
  const rows = await query;
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}
