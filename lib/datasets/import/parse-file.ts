import Papa from "papaparse";
import { AppError } from "@/lib/core/errors";
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from "@/lib/core/json/nesting-depth";
import { DATASET_LIMITS } from "../schemas";

// Reads an uploaded CSV or JSONL file into rows of named cells, each with the line it starts on, so every later
// problem can name its line. CSV quoting (commas, quotes and newlines inside cells) is papaparse's job.

export type FileFormat = "csv" | "jsonl";

export interface ParsedRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: Record<string, unknown>;
}

export interface ParsedFile {
  format: FileFormat;
  columns: string[];
  rows: ParsedRow[];
}

export interface LineProblem {
  line: number;
  message: string;
}

/** Thrown when the file cannot be read; `details.problems` lists each bad line. */
export function fileProblems(problems: LineProblem[]): AppError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return new AppError("bad_request:dataset", `Line ${first.line}: ${first.message}${more}. Nothing was imported.`, { details: { problems: problems.slice(0, 50) } });
}

export function formatOf(fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  throw new AppError("bad_request:dataset", "Choose a .csv or .jsonl file.");
}

function checkSize(text: string) {
  if (Buffer.byteLength(text, "utf8") > DATASET_LIMITS.maxImportBytes) {
    throw new AppError("too_large:dataset", `The file is larger than ${DATASET_LIMITS.maxImportBytes / 1024 / 1024} MB. Split it and import the parts.`);
  }
}

function checkColumnCount(count: number) {
  if (count > DATASET_LIMITS.maxImportColumns) {
    throw new AppError("too_large:dataset", `The file has ${count.toLocaleString("en")} columns; an imported file can have at most ${DATASET_LIMITS.maxImportColumns}.`);
  }
}

function checkRowCount(count: number) {
  if (count > DATASET_LIMITS.maxCases) {
    throw new AppError("too_large:dataset", `The file has ${count.toLocaleString("en")} rows; a dataset holds at most ${DATASET_LIMITS.maxCases.toLocaleString("en")} cases.`);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line containing character `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function parseCsv(text: string): ParsedFile {
  checkSize(text);
  const body = text.replace(/^\uFEFF/, "");
  // The header alone first: papaparse's header mode costs far more per column than its rows do.
  checkColumnCount(Papa.parse<string[]>(body, { preview: 1 }).data[0]?.length ?? 0);
  const starts = lineStarts(body);
  const rows: ParsedRow[] = [];
  const problems: LineProblem[] = [];
  let columns: string[] = [];
  // Data rows start after the header line (header cells with line breaks are not supported for line numbers).
  let rowStart = body.indexOf("\n") + 1;
  Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
    step: (result) => {
      // The row's first character, past any blank lines papaparse skipped before it.
      let start = rowStart;
      while (body[start] === "\n" || body[start] === "\r") start++;
      const line = lineAt(starts, start);
      rowStart = result.meta.cursor;
      if (columns.length === 0) columns = result.meta.fields ?? [];
      for (const error of result.errors) problems.push({ line, message: csvMessage(error) });
      rows.push({ line, cells: result.data });
    },
  });
  if (columns.length === 0 || columns.every((c) => c === "")) throw fileProblems([{ line: 1, message: "the first line must name the columns" }]);
  const blank = columns.findIndex((c) => c === "");
  if (blank !== -1) problems.unshift({ line: 1, message: `column ${blank + 1} has no name` });
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) problems.unshift({ line: 1, message: `the column "${duplicate}" appears twice` });
  if (problems.length > 0) throw fileProblems(problems);
  checkRowCount(rows.length);
  return { format: "csv", columns, rows };
}

function csvMessage(error: Papa.ParseError): string {
  switch (error.code) {
    case "TooFewFields":
      return "the row has fewer cells than there are columns";
    case "TooManyFields":
      return "the row has more cells than there are columns";
    case "MissingQuotes":
      return "a quoted cell is never closed";
    case "InvalidQuotes":
      return "a cell has a stray quote (double it, \"\", to write a quote inside a quoted cell)";
    default:
      return error.message;
  }
}

/** One JSON object per line. A `vars` (or `variables`) object's keys become columns, like promptfoo's tests. */
export function parseJsonl(text: string): ParsedFile {
  checkSize(text);
  const rows: ParsedRow[] = [];
  const problems: LineProblem[] = [];
  const columns = new Set<string>();
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === "") return;
      if (jsonNestsDeeperThan(raw)) {
        problems.push({ line, message: `nested more than ${MAX_JSON_DEPTH} levels deep` });
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
        return;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push({ line, message: "each line must be a JSON object" });
        return;
      }
      const cells: Record<string, unknown> = {};
      for (const [key, cell] of Object.entries(value)) {
        if ((key === "vars" || key === "variables") && typeof cell === "object" && cell !== null && !Array.isArray(cell)) Object.assign(cells, cell);
        else cells[key] = cell;
      }
      for (const key of Object.keys(cells)) columns.add(key);
      checkColumnCount(columns.size);
      rows.push({ line, cells });
    });
  if (problems.length > 0) throw fileProblems(problems);
  if (rows.length === 0) throw fileProblems([{ line: 1, message: "the file has no rows" }]);
  checkRowCount(rows.length);
  return { format: "jsonl", columns: [...columns], rows };
}

export function parseDatasetFile({ fileName, text }: { fileName: string; text: string }): ParsedFile {
  return formatOf(fileName) === "csv" ? parseCsv(text) : parseJsonl(text);
}
