import Papa from "papaparse";
import type { DatasetCase } from "@/db/schema";

// A dataset as a file, in the shapes the importer reads back: CSV with a column per variable plus
// expected_output, tags (comma-separated) and note; JSONL with one {vars, expected_output, tags, note, assert}
// object per case (vars flattened on import, like promptfoo's tests). Assertions survive only in JSONL.

export function variableColumns(cases: DatasetCase[]): string[] {
  const names = new Set<string>();
  for (const c of cases) for (const name of Object.keys(c.variables)) names.add(name);
  return [...names];
}

export function casesToCsv(cases: DatasetCase[]): string {
  const vars = variableColumns(cases);
  const fields = [...vars, "expected_output", "tags", "note"];
  const data = cases.map((c) => [...vars.map((v) => c.variables[v] ?? ""), c.expectedOutput ?? "", c.tags.join(", "), c.note]);
  // Formula-looking cells are escaped so a spreadsheet opening the export does not execute them.
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: "\n" }) + "\n";
}

export function casesToJsonl(cases: DatasetCase[]): string {
  return cases
    .map((c) => JSON.stringify({ vars: c.variables, expected_output: c.expectedOutput, tags: c.tags, note: c.note, ...(c.assertions.length > 0 ? { assert: c.assertions } : {}) }))
    .map((line) => `${line}\n`)
    .join("");
}
