// The variables of a prompt: those of its own template(s) plus those of every partial it reaches, recursively, at
// the label or version each tag pins. This is the one definition the editor, the playground, the eval form and the
// delivery API use. Unlike a render it never throws for a bad partial: an unknown prompt or label, a cycle, a chain
// too deep or a broken partial becomes a problem attached to the tag of the prompt's own template that leads to it,
// so the editor can underline that tag while the author types.
import { isAppError } from "@/lib/core/errors";
import { syntaxError, tooManyPartialsError, type TemplatePlace } from "./errors";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";
import { TEMPLATE_LIMITS } from "./limits";
import { messageNames } from "./render-chat";
import { analyseTemplate, type PartialRef, type TemplateAnalysis } from "./parse-template";
import { chainProblem, sourceProblem, type ChainFrame } from "./partial-checks";
import { partialKey, type PartialTarget } from "./partial-ref";

/**
 * A partial's template text, or null when no prompt has that name and label. May throw a "bad_request:template"
 * AppError saying why a known prompt cannot be included (a chat prompt, say). Synchronous: every loader answers from
 * partials already read (lib/serving/load-partial.ts reads those a walk asked for, then walks again), so the walk is
 * pure and never waits.
 */
export type SyncPartialLoader = (ref: PartialTarget) => string | null;

export interface PromptVariable {
  name: string;
  /** The prompt's own template (or one of its messages) uses it. */
  inTemplate: boolean;
  /** The partials that use it themselves, keyed as their tags write them ("name" or "name@label"), in the order reached. */
  partials: string[];
  /**
   * Every render needs it: a `{{name}}` outside any section, in the template or in a partial included outside any
   * section (see TemplateAnalysis.requiredVariables).
   */
  required: boolean;
}

/** Something that stops a partial from rendering, attached to the tag of the prompt's own template that leads to it. */
export interface PartialProblem {
  /** That tag's key ("name" or "name@label"); every tag with this key in that template is concerned. */
  partial: string;
  /** Which template holds the tag: the message's index in a chat prompt, 0 for a text prompt. */
  templateIndex: number;
  /** The template's name in messages ("System message"), null for a text prompt. */
  where: string | null;
  /** Where the first such tag starts (1-based). */
  line: number;
  column: number;
  /** What is wrong, e.g. `Unknown partial "nope@production": no prompt has this name and label`. */
  message: string;
}

export interface PromptVariables {
  /** The prompt's own variables first (in order of appearance), then those its partials add, in the order reached. */
  variables: PromptVariable[];
  problems: PartialProblem[];
}

export interface CollectVariablesArgs {
  /** One template for a text prompt, one per message of a chat prompt (`where` names it, e.g. "System message"). */
  templates: { template: string; where?: string | null }[];
  loadPartial: SyncPartialLoader;
  /** The prompt's own name, so a partial that includes it back is a cycle. */
  promptName?: string;
}

interface Use {
  partials: Set<string>;
  required: boolean;
}

/** What one partial brings, itself and everything below it. */
interface Explored {
  /** Levels of partials this one brings, itself included. */
  height: number;
  deepest: string[];
  /** Every prompt name reachable from this partial, with the chain of keys that reaches it. */
  reach: Map<string, string[]>;
  uses: Map<string, Use>;
  /** Problems in this partial or below, worded with their place. A set: in a diamond of partials the same problem
   * arrives along every path, and a list would grow with the number of paths (exponential in the depth). */
  problems: Set<string>;
}

type Failure = (place: TemplatePlace) => string;

type Frame = ChainFrame;

const nothing = (): Explored => ({ height: 0, deepest: [], reach: new Map(), uses: new Map(), problems: new Set() });

/** The templates of a prompt as collectVariables takes them: a text prompt's one, or each message named. */
export function promptTemplates(content: { template: string | null; messages: readonly ChatMessageRecord[] | null }): CollectVariablesArgs["templates"] {
  if (!content.messages) return [{ template: content.template ?? "", where: null }];
  const names = messageNames(content.messages);
  return content.messages.map((message, index) => ({ template: message.content, where: names[index] ?? null }));
}

export function collectVariables({ templates, loadPartial, promptName }: CollectVariablesArgs): PromptVariables {
  const base: Frame[] = promptName ? [{ name: promptName, display: promptName }] : [];
  const loaded = new Map<string, TemplateAnalysis | Failure>();
  const explored = new Map<string, Explored>();
  let partialChars = 0;
  let partialCount = 0;
  let rootChars = 0;

  /** The partial's analysis, or what stops it from loading (worded for the tag at `place`, as tags differ). */
  const load = (ref: PartialRef, key: string): TemplateAnalysis | Failure => {
    const known = loaded.get(key);
    if (known !== undefined) return known;
    if (partialCount >= TEMPLATE_LIMITS.maxPartials) return (place) => tooManyPartialsError({ place }).message;
    let result: TemplateAnalysis | Failure;
    try {
      const source = loadPartial({ name: ref.name, label: ref.label });
      const problem = sourceProblem({ ref, key, source, totalChars: rootChars + partialChars + (source?.length ?? 0) });
      if (problem) result = (place) => problem(place).message;
      else {
        const text = source as string; // sourceProblem refuses a missing partial
        partialChars += text.length;
        partialCount += 1;
        result = analyseTemplate(text);
      }
    } catch (error) {
      if (!isAppError(error) || error.code !== "bad_request:template") throw error;
      const { message } = error;
      result = () => message;
    }
    loaded.set(key, result);
    return result;
  };

  const visit = (ref: PartialRef, stack: Frame[], parent: string | null): Explored => {
    const key = partialKey(ref);
    const place: TemplatePlace = { line: ref.line, column: ref.column, inPartial: parent };
    const path = stack.slice(base.length).map((frame) => frame.display);
    const problem = (message: string): Explored => ({ ...nothing(), problems: new Set([message]) });

    // As in a render: a cycle is by prompt name, whatever label or version each tag asks for.
    const known = explored.get(key);
    const chain = chainProblem({ ref, key, stack, path, known });
    if (chain) return problem(chain(place).message);
    if (known) return known;

    const analysis = load(ref, key);
    if (typeof analysis === "function") return problem(analysis(place));
    const result: Explored = { height: 1, deepest: [key], reach: new Map([[ref.name, [key]]]), uses: new Map(), problems: new Set() };
    const [issue] = analysis.issues;
    if (issue) result.problems.add(syntaxError({ issue, issueCount: analysis.issues.length, inPartial: key }).message);
    const required = new Set(analysis.requiredVariables);
    for (const name of analysis.variables) addUse(result.uses, name, { partials: new Set([key]), required: required.has(name) });

    const inner = [...stack, { name: ref.name, display: key }];
    for (const { ref: child, unconditional } of distinctRefs(analysis.partials)) {
      const sub = visit(child, inner, key);
      if (sub.height + 1 > result.height) {
        result.height = sub.height + 1;
        result.deepest = [key, ...sub.deepest];
      }
      for (const [name, chain] of sub.reach) if (!result.reach.has(name)) result.reach.set(name, [key, ...chain]);
      for (const [name, use] of sub.uses) addUse(result.uses, name, { partials: use.partials, required: unconditional && use.required });
      for (const message of sub.problems) result.problems.add(message);
    }
    explored.set(key, result);
    return result;
  };

  const analyses = templates.map(({ template }) => analyseTemplate(template));
  const uses = new Map<string, Use & { inTemplate: boolean }>();
  for (const analysis of analyses) {
    const required = new Set(analysis.requiredVariables);
    for (const name of analysis.variables) {
      const use = uses.get(name) ?? { inTemplate: true, partials: new Set<string>(), required: false };
      use.required ||= required.has(name);
      uses.set(name, use);
    }
  }

  const problems: PartialProblem[] = [];
  for (const [templateIndex, analysis] of analyses.entries()) {
    rootChars = templates[templateIndex]?.template.length ?? 0;
    const where = templates[templateIndex]?.where ?? null;
    for (const { ref, unconditional } of distinctRefs(analysis.partials)) {
      const sub = visit(ref, base, null);
      for (const [name, use] of sub.uses) {
        const entry = uses.get(name) ?? { inTemplate: false, partials: new Set<string>(), required: false };
        for (const partial of use.partials) entry.partials.add(partial);
        entry.required ||= unconditional && use.required;
        uses.set(name, entry);
      }
      for (const message of sub.problems) {
        problems.push({ partial: partialKey(ref), templateIndex, where, line: ref.line, column: ref.column, message: withoutOwnPlace(message, ref) });
      }
    }
  }

  return {
    variables: [...uses].map(([name, use]) => ({ name, inTemplate: use.inTemplate, partials: [...use.partials], required: use.required })),
    problems,
  };
}

function addUse(uses: Map<string, Use>, name: string, add: Use) {
  const use = uses.get(name);
  if (!use) return void uses.set(name, { partials: new Set(add.partials), required: add.required });
  for (const partial of add.partials) use.partials.add(partial);
  use.required ||= add.required;
}

/** Each partial once (its first tag), and whether any of its tags is outside every section. */
function distinctRefs(refs: PartialRef[]): { ref: PartialRef; unconditional: boolean }[] {
  const seen = new Map<string, { ref: PartialRef; unconditional: boolean }>();
  for (const ref of refs) {
    const key = partialKey(ref);
    const entry = seen.get(key);
    if (entry) entry.unconditional ||= !ref.inSection;
    else seen.set(key, { ref, unconditional: !ref.inSection });
  }
  return [...seen.values()];
}

/**
 * A problem of the tag itself reads "Unknown partial "x": … (line 1, column 5)". The place is dropped: the problem
 * already carries it, and the editor shows it at the tag, which may have moved since (problems arrive debounced).
 */
function withoutOwnPlace(message: string, ref: PartialRef): string {
  const suffix = ` (line ${ref.line}, column ${ref.column})`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}
