// Every partial a prompt includes, recursively, checked exactly as a render would check it (unknown partials,
// cycles, depth, count, size, syntax) but without rendering. The delivery API sends these along with a prompt so
// a client can render it offline.
import { syntaxError } from "./errors";
import { prepareTemplate } from "./prepare-template";
import { createPartialStore, resolvePartials, type PartialLoader } from "./resolve-partials";

export interface CollectPartialsArgs {
  /** The prompt's templates: one for a text prompt, one per message of a chat prompt (`where` names it in errors). */
  templates: { template: string; where?: string | null }[];
  loadPartial: PartialLoader;
  /** The prompt's own name, so including itself is reported as a cycle. */
  promptName?: string;
}

/** Partial sources keyed as their tags write them ("name" or "name@label"), in the order they were reached. */
export async function collectPartials({ templates, loadPartial, promptName }: CollectPartialsArgs): Promise<Map<string, string>> {
  const store = createPartialStore(loadPartial);
  for (const { template, where = null } of templates) {
    const root = prepareTemplate(template);
    const [issue] = root.analysis.issues;
    if (issue) throw syntaxError({ issue, issueCount: root.analysis.issues.length, inPartial: null, where });
    await resolvePartials({ root, rootName: promptName, store, where });
  }
  return new Map([...store.loaded].map(([key, prepared]) => [key, prepared.source]));
}
