"use client";

import { useEffect, useState } from "react";
import { type TargetVariables, type RunTargetInput } from "@/lib/evals";
import { runVariablesAction } from "@/lib/evals/actions";
import { Table, TableHead, Td } from "@/components/ui/table";

interface Row {
  name: string;
  partials: string[];
  inDataset: boolean;
  required: boolean;
  versions: number[];
}

/** One row per variable over the chosen versions; where versions differ, the row says which use it. */
function rowsOf(targets: TargetVariables[]): Row[] {
  const rows = new Map<string, Row>();
  for (const target of targets) {
    if (target.error !== undefined) continue;
    for (const variable of target.variables) {
      const row = rows.get(variable.name) ?? { name: variable.name, partials: [], inDataset: variable.inDataset, required: false, versions: [] };
      row.partials = [...new Set([...row.partials, ...variable.partials])];
      row.required ||= variable.required;
      if (!row.versions.includes(target.version)) row.versions.push(target.version);
      rows.set(variable.name, row);
    }
  }
  return [...rows.values()];
}

/**
 * The "mapping" of an evaluation: each variable the chosen versions use (their partials' included) and whether the
 * dataset has a column for it. A required one it lacks is named before the run is started; the server refuses such
 * a run with the same words.
 */
export function RunVariablesCheck({ datasetId, promptId, targets }: { datasetId: string; promptId: string; targets: RunTargetInput[] }) {
  const [answer, setAnswer] = useState<{ key: string; targets: TargetVariables[] } | null>(null);
  const key = JSON.stringify({ datasetId, promptId, targets });

  useEffect(() => {
    if (!datasetId || !promptId || targets.length === 0) return;
    let current = true;
    void runVariablesAction({ datasetId, promptId, targets }).then(
      (result) => {
        if (current && result.ok) setAnswer({ key, targets: result.data.targets });
      },
      // Unreachable: nothing to list; starting the run still checks the same thing.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [datasetId, promptId, targets, key]);

  if (!answer || answer.key !== key) return null;
  const rows = rowsOf(answer.targets);
  const versionCount = new Set(answer.targets.flatMap((t) => (t.error === undefined ? [t.version] : []))).size;
  const missing = rows.filter((row) => row.required && !row.inDataset);
  const problems = answer.targets.flatMap((t) => (t.error === undefined ? t.problems.map((p) => `v${t.version}: ${p.where ? `${p.where}, ` : ""}${p.message}`) : []));

  return (
    <section aria-labelledby="eval-variables-heading" className="flex flex-col gap-2">
      <h2 id="eval-variables-heading" className="text-sm font-medium">
        Variables and dataset columns
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The chosen versions use no variables.</p>
      ) : (
        <Table aria-label="Variables and dataset columns">
          <TableHead columns={["Variable", "Used by", "Dataset column"]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <Td className="font-mono text-xs">{row.name}</Td>
                <Td className="text-xs">
                  {row.partials.length > 0 ? `partial ${row.partials.join(", ")}` : "the prompt"}
                  {versionCount > 1 && row.versions.length < versionCount ? ` (v${row.versions.join(", v")} only)` : ""}
                </Td>
                <Td className="text-xs">{row.inDataset ? "yes" : row.required ? "missing: every case would fail" : "missing (optional: only used in a section)"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {missing.length > 0 && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The dataset has no column {missing.map((row) => `"${row.name}"`).join(", ")}: add {missing.length === 1 ? "it" : "them"} to the dataset or choose
          another dataset.
        </p>
      )}
      {problems.length > 0 && (
        <ul aria-label="Partial problems" className="text-sm text-red-700 dark:text-red-400">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {answer.targets.flatMap((t) => (t.error !== undefined ? [t.error] : [])).map((error) => (
        <p key={error} className="text-sm text-zinc-600 dark:text-zinc-400">
          {error}
        </p>
      ))}
    </section>
  );
}
