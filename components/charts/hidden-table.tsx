// A chart's data as a table only screen readers see: one row per point, with a link where the point leads.
// The sr-only box wraps the table rather than sitting on it: a table is never narrower than its content, so an
// sr-only <table> still widened the page by its full width.

export interface HiddenRow {
  key: string;
  label: string;
  href?: string | null;
  cells: string[];
}

export function HiddenTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: HiddenRow[] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
