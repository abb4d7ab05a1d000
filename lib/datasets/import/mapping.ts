import { z } from "zod";
import { caseFieldsSchema, variableNameSchema, type CaseFields } from "../schemas";
import type { LineProblem, ParsedFile } from "./parse-file";

// Where each column of an imported file goes: a variable named after the column, the expected output, the tags,
// the note, or nowhere. Applying a mapping checks every row and reports each bad one by its line.

export const COLUMN_TARGETS = ["variable", "expected", "tags", "note", "ignore"] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];
export const columnMappingSchema = z.record(z.string(), z.enum(COLUMN_TARGETS));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const EXPECTED_NAMES = new Set(["expected", "expected_output", "expectedoutput", "expected output", "__expected", "answer", "reference", "ideal"]);
const TAG_NAMES = new Set(["tags", "tag", "labels"]);
const NOTE_NAMES = new Set(["note", "notes", "comment", "description"]);
const IGNORED_NAMES = new Set(["id", "assert", "assertions", "options", "metadata"]);

/** A first guess from the column names, which the user then confirms or changes. */
export function suggestMapping(columns: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of columns) {
    const name = column.trim().toLowerCase();
    if (EXPECTED_NAMES.has(name)) mapping[column] = "expected";
    else if (TAG_NAMES.has(name)) mapping[column] = "tags";
    else if (NOTE_NAMES.has(name)) mapping[column] = "note";
    else if (IGNORED_NAMES.has(name) || !variableNameSchema.safeParse(column).success) mapping[column] = "ignore";
    else mapping[column] = "variable";
  }
  return mapping;
}

function asText(value: unknown): string {
  if (value == null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).map((t) => t.trim()).filter(Boolean);
  return asText(value)
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function applyMapping(file: ParsedFile, mapping: ColumnMapping): { cases: CaseFields[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  for (const column of Object.keys(mapping)) {
    if (!file.columns.includes(column)) problems.push({ line: 1, message: `the mapping names a column "${column}" that the file does not have` });
  }
  const variableColumns = file.columns.filter((c) => mapping[c] === "variable");
  for (const column of variableColumns) {
    const name = variableNameSchema.safeParse(column);
    if (!name.success) problems.push({ line: 1, message: `"${column}" cannot be a variable name: ${name.error.issues[0]?.message}` });
  }
  for (const target of ["expected", "note"] as const) {
    const chosen = file.columns.filter((c) => mapping[c] === target);
    if (chosen.length > 1) problems.push({ line: 1, message: `only one column can be the ${target === "expected" ? "expected output" : "note"} (${chosen.join(", ")})` });
  }
  if (variableColumns.length === 0) problems.push({ line: 1, message: "map at least one column to a variable" });
  if (problems.length > 0) return { cases: [], problems };

  const cases: CaseFields[] = [];
  for (const row of file.rows) {
    const variables: Record<string, string> = {};
    let expectedOutput: string | null = null;
    let tags: string[] = [];
    let note = "";
    for (const column of file.columns) {
      const value = row.cells[column];
      switch (mapping[column] ?? "ignore") {
        case "variable":
          // A JSONL row without the key has no such variable; an empty CSV cell is an empty string.
          if (value !== undefined) variables[column.trim()] = asText(value);
          break;
        case "expected":
          expectedOutput = value == null || asText(value) === "" ? null : asText(value);
          break;
        case "tags":
          tags = asTags(value);
          break;
        case "note":
          note = asText(value);
          break;
      }
    }
    const parsed = caseFieldsSchema.safeParse({ variables, expectedOutput, tags, note });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ line: row.line, message: `${issue.path.join(".") || "row"}: ${issue.message}` });
      continue;
    }
    cases.push(parsed.data);
  }
  return { cases, problems };
}
