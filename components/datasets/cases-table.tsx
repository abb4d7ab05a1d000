"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { addCaseAction, deleteCaseAction, updateCaseAction } from "@/lib/datasets/actions";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";

export interface CaseRow {
  id: string;
  position: number;
  variables: Record<string, string>;
  expectedOutput: string | null;
  tags: string[];
  note: string;
  /** How many per-case assertions the case carries (edited through imports, shown here). */
  assertions: number;
}

type Patch = Partial<Pick<CaseRow, "variables" | "expectedOutput" | "tags" | "note">>;

const splitTags = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** One editable cell: saves on blur (or Enter) when the value changed, and goes back to the saved value on failure. */
function Cell({ label, value, onCommit, disabled }: { label: string; value: string; onCommit: (next: string) => Promise<boolean>; disabled: boolean }) {
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  async function commit() {
    if (draft === saved) return;
    if (await onCommit(draft)) setSaved(draft);
    else setDraft(saved);
  }
  if (disabled) return <span className="whitespace-pre-wrap break-words">{value}</span>;
  return (
    <Input
      aria-label={label}
      value={draft}
      className="h-8 min-w-32"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") setDraft(saved);
      }}
    />
  );
}

export function CasesTable({ datasetId, canEdit, variables, cases }: { datasetId: string; canEdit: boolean; variables: string[]; cases: CaseRow[] }) {
  const router = useRouter();
  const [columns, setColumns] = useState(variables);
  const [rows, setRows] = useState(cases);
  const [newColumn, setNewColumn] = useState("");
  const [busy, setBusy] = useState(false);

  async function save(row: CaseRow, patch: Patch): Promise<boolean> {
    const result = await updateCaseAction({ caseId: row.id, fields: patch });
    if (!result.ok) {
      toast.error(result.error);
      return false;
    }
    setRows((all) => all.map((r) => (r.id === row.id ? { ...r, ...patch } : r)));
    toast.success(`Saved case ${row.position}`);
    return true;
  }

  async function addRow() {
    setBusy(true);
    const result = await addCaseAction({ datasetId, fields: { variables: Object.fromEntries(columns.map((c) => [c, ""])) } });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Added case ${result.data.position}`);
    router.refresh();
  }

  async function removeRow(row: CaseRow) {
    if (!window.confirm(`Delete case ${row.position}? Evaluations that used it keep their copy.`)) return;
    const result = await deleteCaseAction({ caseId: row.id });
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Deleted case ${row.position}`);
    setRows((all) => all.filter((r) => r.id !== row.id));
    router.refresh();
  }

  function addColumn(event: React.FormEvent) {
    event.preventDefault();
    const name = newColumn.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) return void toast.error("Variable names use letters, digits, _ and -, starting with a letter or _.");
    if (columns.includes(name)) return void toast.error(`There is already a variable "${name}".`);
    setColumns([...columns, name]);
    setNewColumn("");
  }

  return (
    <div className="flex flex-col gap-3">
      {canEdit && (
        <div className="flex flex-wrap items-end gap-2">
          <Button onClick={() => void addRow()} busy={busy}>
            Add case
          </Button>
          <form onSubmit={addColumn} className="flex items-end gap-2">
            <Input aria-label="New variable name" placeholder="new_variable" value={newColumn} onChange={(e) => setNewColumn(e.target.value)} className="w-44" />
            <Button type="submit" variant="secondary">
              Add variable
            </Button>
          </form>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No cases yet">
          {canEdit ? "Add a case, import a CSV or JSONL file, or save a playground run as a test case." : "An editor adds cases to this dataset."}
        </EmptyState>
      ) : (
        <Table aria-label="Cases">
          <thead>
            <tr>
              <Th className="w-12">#</Th>
              {columns.map((c) => (
                <Th key={c}>
                  <code>{c}</code>
                </Th>
              ))}
              <Th>Expected output</Th>
              <Th>Tags</Th>
              <Th>Note</Th>
              {canEdit && <Th className="sr-only">Actions</Th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td className="tabular-nums text-zinc-500">
                  {row.position}
                  {row.assertions > 0 && (
                    <span className="ml-1 text-xs" title={`${row.assertions} case-specific checks`}>
                      ✓{row.assertions}
                    </span>
                  )}
                </Td>
                {columns.map((c) => (
                  <Td key={c}>
                    <Cell
                      label={`Case ${row.position} ${c}`}
                      value={row.variables[c] ?? ""}
                      disabled={!canEdit}
                      onCommit={(next) => save(row, { variables: { ...row.variables, [c]: next } })}
                    />
                  </Td>
                ))}
                <Td>
                  <Cell
                    label={`Case ${row.position} expected output`}
                    value={row.expectedOutput ?? ""}
                    disabled={!canEdit}
                    onCommit={(next) => save(row, { expectedOutput: next === "" ? null : next })}
                  />
                </Td>
                <Td>
                  <Cell label={`Case ${row.position} tags`} value={row.tags.join(", ")} disabled={!canEdit} onCommit={(next) => save(row, { tags: splitTags(next) })} />
                </Td>
                <Td>
                  <Cell label={`Case ${row.position} note`} value={row.note} disabled={!canEdit} onCommit={(next) => save(row, { note: next })} />
                </Td>
                {canEdit && (
                  <Td>
                    <Button variant="ghost" size="sm" aria-label={`Delete case ${row.position}`} onClick={() => void removeRow(row)}>
                      Delete
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
