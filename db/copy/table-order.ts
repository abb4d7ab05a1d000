// The order tables are copied in: every table after the tables its foreign keys point at, so each row's references
// already exist on the target when it lands (Postgres checks foreign keys per statement, and triggers-off does not
// turn them off).

export interface ForeignKeyEdge {
  table: string;
  references: string;
}

/** Tables sorted so that each comes after what it references; ties by name, so every run copies in the same order. */
export function tableOrder(tables: readonly string[], edges: readonly ForeignKeyEdge[]): string[] {
  const known = new Set(tables);
  const needs = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { table, references } of edges) {
    // A self-reference is satisfied row by row in rowid order; a reference outside the copied set is not ours to order.
    if (table !== references && known.has(table) && known.has(references)) needs.get(table)!.add(references);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...needs.keys()].filter((table) => !placed.has(table) && [...needs.get(table)!].every((r) => placed.has(r))).sort();
    if (ready.length === 0) {
      const left = [...needs.keys()].filter((table) => !placed.has(table)).sort();
      throw new Error(`The foreign keys between ${left.join(", ")} form a cycle; there is no order to copy them in.`);
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}
