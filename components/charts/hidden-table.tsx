// A chart's data as a table only screen readers see: one row per point, with a link where the point leads.

export interface HiddenRow {
  key: string;
  label: string;
  href?: string | null;
  cells: string[];
}

export function HiddenTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: HiddenRow[] }) {
  return (
    <table className="sr-only">
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
  );
}
