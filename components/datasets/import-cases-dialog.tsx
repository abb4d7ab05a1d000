"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormDialog, type SubmitResult } from "@/components/ui/form-dialog";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { type ImportPreview, COLUMN_TARGETS, type ColumnMapping, type ColumnTarget } from "@/lib/datasets";

const TARGET_LABELS: Record<ColumnTarget, string> = { variable: "Variable", expected: "Expected output", tags: "Tags", note: "Note", ignore: "Ignore" };

interface Problem {
  line: number;
  message: string;
}

async function postImport(datasetId: string, body: { fileName: string; text: string; mapping?: ColumnMapping }) {
  const response = await fetch(`/api/datasets/${datasetId}/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await response.json().catch(() => ({ error: "The studio answered something unexpected." }))) as Record<string, unknown>;
  return { ok: response.ok, data };
}

/** Choose a file, check the column mapping against a preview of the first rows, then import all or nothing. */
export function ImportCasesDialog({ datasetId }: { datasetId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<{ fileName: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [problems, setProblems] = useState<Problem[]>([]);

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping({});
    setProblems([]);
  }

  function fail(data: Record<string, unknown>): SubmitResult<never> {
    const details = data.details as { problems?: Problem[] } | undefined;
    setProblems(details?.problems ?? []);
    return { ok: false, error: typeof data.error === "string" ? data.error : "The import failed." };
  }

  async function choose(chosen: File | undefined): Promise<SubmitResult<null>> {
    reset();
    if (!chosen) return { ok: true, data: null };
    try {
      const picked = { fileName: chosen.name, text: await chosen.text() };
      const { ok, data } = await postImport(datasetId, picked);
      if (!ok) return fail(data);
      setFile(picked);
      setPreview(data as unknown as ImportPreview);
      setMapping((data as unknown as ImportPreview).mapping);
      return { ok: true, data: null };
    } catch {
      return { ok: false, error: "Could not read the file or reach the studio. Try again." };
    }
  }

  async function importAll(): Promise<SubmitResult<Record<string, unknown>>> {
    setProblems([]);
    if (!file) return { ok: false, error: "Choose a file first." };
    const { ok, data } = await postImport(datasetId, { ...file, mapping });
    return ok ? { ok: true, data } : fail(data);
  }

  return (
    <FormDialog
      trigger={{ variant: "secondary", children: "Import cases" }}
      title="Import cases"
      className="max-w-3xl"
      onClose={reset}
      submitLabel={preview ? `Import ${preview.rowCount} cases` : "Import"}
      submitDisabled={!preview}
      submit={importAll}
      onSuccess={(data) => {
        toast.success(`Imported ${String(data.imported)} cases`);
        router.refresh();
      }}
      errorDetails={
        problems.length > 0 && (
          <ul aria-label="Import problems" className="max-h-48 overflow-auto rounded-md border border-red-200 p-2 text-xs dark:border-red-900">
            {problems.map((p, i) => (
              <li key={i}>
                Line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        )
      }
    >
      {({ run }) => (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            A CSV file with a header row, or JSONL with one object per line (a <code>vars</code> object is spread into columns). Up to 5 MB and
            10,000 rows. Nothing is imported unless every row is valid.
          </p>
          <label htmlFor="import-cases-file" className="text-sm font-medium">
            File
          </label>
          <input id="import-cases-file" type="file" accept=".csv,.jsonl,.ndjson" onChange={(e) => void run(() => choose(e.target.files?.[0]))} className="text-sm" />
          {preview && (
            <>
              <p className="text-sm">
                {preview.rowCount} {preview.rowCount === 1 ? "row" : "rows"} in {preview.format.toUpperCase()}. Choose where each column goes; variables keep the
                column&apos;s name.
              </p>
              <div className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-3">
                {preview.columns.map((column) => (
                  <div key={column} className="flex flex-col gap-1">
                    <label htmlFor={`map-${column}`} className="text-xs font-medium">
                      Map {column}
                    </label>
                    <Select id={`map-${column}`} value={mapping[column] ?? "ignore"} onChange={(e) => setMapping({ ...mapping, [column]: e.target.value as ColumnTarget })}>
                      {COLUMN_TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {TARGET_LABELS[target]}
                        </option>
                      ))}
                    </Select>
                  </div>
                ))}
              </div>
              <Table aria-label="Preview">
                <thead>
                  <tr>
                    <Th>Line</Th>
                    {preview.columns.map((c) => (
                      <Th key={c}>{c}</Th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row) => (
                    <tr key={row.line}>
                      <Td className="tabular-nums text-zinc-500">{row.line}</Td>
                      {preview.columns.map((c) => (
                        <Td key={c} className="max-w-48 truncate">
                          {row.cells[c]}
                        </Td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}
