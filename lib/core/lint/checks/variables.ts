// unfilled-variable and unused-dataset-column: the prompt's variables against the columns its datasets fill.
import type { Check } from "./check";
import { isVariableTag, locate, variableName } from "../sources";

export const datasetVariables: Check = (sources, context) => {
  if (!context.datasetColumns || context.datasetColumns.length === 0) return [];
  const filled = new Set(context.datasetColumns.flat());
  const findings: ReturnType<Check> = [];
  const used = new Set<string>();
  const reported = new Set<string>();
  for (const source of sources) {
    for (const tag of source.tags) {
      if (!(isVariableTag(tag) || tag.kind === "section" || tag.kind === "inverted")) continue;
      const name = variableName(tag);
      used.add(name);
      if (filled.has(name) || reported.has(name)) continue;
      reported.add(name);
      findings.push({ ruleId: "unfilled-variable", message: `{{${name}}} is not filled by any of this prompt's datasets.`, location: locate(source, tag.start, tag.end) });
    }
  }
  const first = sources[0];
  if (!first) return findings;
  for (const column of [...filled].sort()) {
    if (used.has(column)) continue;
    findings.push({ ruleId: "unused-dataset-column", message: `The datasets fill "${column}", which the prompt never uses.`, location: locate(first, 0, 0) });
  }
  return findings;
};
