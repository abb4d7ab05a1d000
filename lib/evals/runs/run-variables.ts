import "server-only";
import type { DbOrTx } from "@/db";
import type { Prompt, PromptVersion } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { promptVariablesReader } from "@/lib/serving/server";
import type { PartialProblem, PromptVariable } from "@/lib/core/templates";

// Which of a prompt's variables (its partials' included) a dataset provides. A variable every render needs that no
// case has would fail every case with "Missing variable", so a run is refused up front, naming it; the form shows
// the same list before the run is started.

/** One version's variables against the dataset's columns. */
export interface VersionVariables {
  version: number;
  variables: (PromptVariable & { inDataset: boolean })[];
  /** Required variables no case of the dataset has: the run would fail every case. */
  missing: string[];
  problems: PartialProblem[];
}

export async function compareVersions(
  tx: DbOrTx,
  { workspaceId, prompt, versions, columns }: { workspaceId: string; prompt: Prompt; versions: PromptVersion[]; columns: ReadonlySet<string> },
): Promise<VersionVariables[]> {
  const read = promptVariablesReader(tx, { workspaceId });
  const seen = new Set<number>();
  const compared: VersionVariables[] = [];
  for (const row of versions) {
    if (seen.has(row.version)) continue;
    seen.add(row.version);
    const { variables, problems } = await read({ content: row, promptName: prompt.name });
    const listed = variables.map((variable) => ({ ...variable, inDataset: columns.has(variable.name) }));
    compared.push({ version: row.version, variables: listed, missing: listed.filter((v) => v.required && !v.inDataset).map((v) => v.name), problems });
  }
  return compared;
}

const quoted = (names: string[]) => {
  const all = names.map((name) => `"${name}"`);
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
};

/** Refuses a run whose dataset lacks a variable that every render of a chosen version needs, naming it and its partial. */
export async function requireDatasetVariables(
  tx: DbOrTx,
  { workspaceId, prompt, versions, dataset, cases }: { workspaceId: string; prompt: Prompt; versions: PromptVersion[]; dataset: { name: string }; cases: { variables: Record<string, string> }[] },
): Promise<void> {
  const columns = new Set(cases.flatMap((c) => Object.keys(c.variables)));
  for (const compared of await compareVersions(tx, { workspaceId, prompt, versions, columns })) {
    if (compared.missing.length === 0) continue;
    const sources = compared.variables
      .filter((v) => compared.missing.includes(v.name) && !v.inTemplate)
      .map((v) => `"${v.name}" comes from partial ${v.partials.map((p) => `"${p}"`).join(", ")}`);
    const noun = compared.missing.length === 1 ? "column" : "columns";
    throw new AppError(
      "bad_request:eval",
      `The dataset "${dataset.name}" has no ${noun} ${quoted(compared.missing)}, which v${compared.version} of "${prompt.name}" needs: every case would fail.` +
        (sources.length > 0 ? ` (${sources.join("; ")}.)` : "") +
        " Add the column to the dataset or choose another dataset.",
      { details: { missing: compared.missing, version: compared.version } },
    );
  }
}
