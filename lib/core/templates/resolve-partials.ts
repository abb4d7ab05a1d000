// Loads every partial a template includes, recursively, before anything renders: mustache renders
// synchronously, and loading first means an unknown partial, a cycle or a too-deep chain is reported with the
// tag that causes it instead of rendering half a prompt.
import { syntaxError, tooManyPartialsError, type TemplatePlace } from "./errors";
import { TEMPLATE_LIMITS } from "./limits";
import { chainProblem, sourceProblem, type ChainFrame, type ExploredBelow } from "./partial-checks";
import type { PartialRef } from "./parse-template";
import { partialKey, type PartialTarget } from "./partial-ref";
import { prepareTemplate, type PreparedTemplate } from "./prepare-template";

/** Returns the template text of another prompt of the workspace, or null when there is no such prompt/label. */
export type PartialLoader = (ref: PartialTarget) => Promise<string | null>;

type Explored = ExploredBelow;

/** Partials loaded so far. Shared by the messages of a chat prompt, so each partial is loaded once per render. */
export interface PartialStore {
  loadPartial: PartialLoader;
  loaded: Map<string, PreparedTemplate>;
  explored: Map<string, Explored>;
  partialChars: number;
}

export function createPartialStore(loadPartial: PartialLoader): PartialStore {
  return { loadPartial, loaded: new Map(), explored: new Map(), partialChars: 0 };
}

interface ResolveArgs {
  root: PreparedTemplate;
  /** The prompt being rendered, if known, so including itself is reported as a cycle. */
  rootName?: string;
  store: PartialStore;
  where?: string | null;
}

/** Fills `store.loaded` with every partial `root` needs (mustache keys: "name" or "name@label"). */
export async function resolvePartials({ root, rootName, store, where }: ResolveArgs): Promise<void> {
  const base: ChainFrame[] = rootName ? [{ name: rootName, display: rootName }] : [];
  const visit = async (ref: PartialRef, stack: ChainFrame[], inPartial: string | null): Promise<Explored> => {
    const key = partialKey(ref);
    const place: TemplatePlace = { line: ref.line, column: ref.column, inPartial };
    const path = stack.slice(base.length).map((entry) => entry.display);

    // A cycle is by prompt name: a prompt may never include itself, whatever label or version each tag asks for.
    const known = store.explored.get(key);
    const problem = chainProblem({ ref, key, stack, path, known });
    if (problem) throw problem(place, where);
    if (known) return known;

    const partial = await load(ref, key, place);
    const explored: Explored = { height: 1, deepest: [key], reach: new Map([[ref.name, [key]]]) };
    const inner = [...stack, { name: ref.name, display: key }];
    for (const child of distinctRefs(partial.analysis.partials)) {
      const sub = await visit(child, inner, key);
      if (sub.height + 1 > explored.height) {
        explored.height = sub.height + 1;
        explored.deepest = [key, ...sub.deepest];
      }
      for (const [name, chain] of sub.reach) if (!explored.reach.has(name)) explored.reach.set(name, [key, ...chain]);
    }
    store.explored.set(key, explored);
    return explored;
  };

  const load = async (ref: PartialRef, key: string, place: TemplatePlace): Promise<PreparedTemplate> => {
    const cached = store.loaded.get(key);
    if (cached) return cached;
    if (store.loaded.size >= TEMPLATE_LIMITS.maxPartials) throw tooManyPartialsError({ place, where });

    const source = await store.loadPartial({ name: ref.name, label: ref.label });
    const problem = sourceProblem({ ref, key, source, totalChars: root.source.length + store.partialChars + (source?.length ?? 0) });
    if (problem) throw problem(place, where);
    const text = source as string; // sourceProblem refuses a missing partial
    store.partialChars += text.length;

    const prepared = prepareTemplate(text);
    const [issue] = prepared.analysis.issues;
    if (issue) throw syntaxError({ issue, issueCount: prepared.analysis.issues.length, inPartial: key, where });
    store.loaded.set(key, prepared);
    return prepared;
  };

  for (const ref of distinctRefs(root.analysis.partials)) await visit(ref, base, null);
}

/** The first tag of each distinct partial, so a partial used many times is checked (and its tag cited) once. */
function distinctRefs(refs: PartialRef[]): PartialRef[] {
  const seen = new Map<string, PartialRef>();
  for (const ref of refs) if (!seen.has(partialKey(ref))) seen.set(partialKey(ref), ref);
  return [...seen.values()];
}
