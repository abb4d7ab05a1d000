import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { transaction } from "@/db/transaction";
import { recordAuditBy } from "@/lib/platform/audit/record";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { parseInput } from "@/lib/platform/http/route";
import { appendCases, loadDataset } from "../manage-datasets";
import { applyMapping, columnMappingSchema, suggestMapping, type ColumnMapping } from "./mapping";
import { fileProblems, parseDatasetFile, type FileFormat } from "./parse-file";

// Import in two steps: preview (read the file, guess a mapping, show the first rows) and import (apply the
// confirmed mapping to every row). The file is sent again with the mapping rather than kept on the server, so no
// half-finished upload ever lives in the database; nothing is written unless every row is valid.

export const PREVIEW_ROWS = 5;

export const importRequestSchema = z.object({
  fileName: z.string().min(1).max(255),
  text: z.string(),
  /** Absent: preview only. */
  mapping: columnMappingSchema.optional(),
});

export interface ImportPreview {
  format: FileFormat;
  columns: string[];
  rowCount: number;
  sample: { line: number; cells: Record<string, string> }[];
  mapping: ColumnMapping;
}

const cellText = (value: unknown) => (value == null ? "" : typeof value === "string" ? value : JSON.stringify(value));

export async function previewImport(principal: Principal, datasetId: string, raw: { fileName: string; text: string }): Promise<ImportPreview> {
  requirePermission(principal, "datasets:write");
  await loadDataset(getDb(), principal, datasetId);
  const file = parseDatasetFile(raw);
  return {
    format: file.format,
    columns: file.columns,
    rowCount: file.rows.length,
    sample: file.rows.slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, cells: Object.fromEntries(file.columns.map((c) => [c, cellText(row.cells[c]).slice(0, 500)])) })),
    mapping: suggestMapping(file.columns),
  };
}

export async function importCases(
  principal: Principal,
  datasetId: string,
  raw: z.input<typeof importRequestSchema>,
): Promise<{ imported: number; firstPosition: number }> {
  requirePermission(principal, "datasets:write");
  const input = parseInput(importRequestSchema, raw);
  const file = parseDatasetFile(input);
  const { cases, problems } = applyMapping(file, input.mapping ?? suggestMapping(file.columns));
  if (problems.length > 0) throw fileProblems(problems);
  return transaction(async (tx) => {
    const dataset = await loadDataset(tx, principal, datasetId);
    const { firstPosition: first } = await appendCases(tx, dataset, cases);
    await recordAuditBy(tx, principal, {
      action: "dataset.cases_imported",
      objectType: "dataset",
      objectId: dataset.id,
      after: { fileName: input.fileName, format: file.format, cases: cases.length, mapping: input.mapping ?? null },
    });
    return { imported: cases.length, firstPosition: first };
  });
}
