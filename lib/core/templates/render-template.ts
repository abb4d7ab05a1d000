// Renders a template: checks it, loads its partials (async), then lets mustache render synchronously.
import { missingVariablesError, syntaxError, templateTooLargeError, type MissingVariable } from "./errors";
import { TEMPLATE_LIMITS } from "./limits";
import { prepareTemplate } from "./prepare-template";
import { createPartialStore, resolvePartials, type PartialLoader, type PartialStore } from "./resolve-partials";
import { TemplateWriter, createRenderBudget, type RenderBudget } from "./template-writer";

export interface RenderTemplateArgs {
  template: string;
  variables: Record<string, unknown>;
  loadPartial: PartialLoader;
  /** Render missing variables as empty text instead of failing (e.g. a live preview while typing inputs). */
  lenient?: boolean;
  /** The name of the prompt being rendered, if it is a saved one, so including itself is reported as a cycle. */
  promptName?: string;
}

export async function renderTemplate({ loadPartial, ...args }: RenderTemplateArgs): Promise<string> {
  return renderInSession({ ...args, session: { partials: createPartialStore(loadPartial), budget: createRenderBudget() } });
}

/** What several templates rendered together (the messages of a chat prompt) share. */
export interface RenderSession {
  partials: PartialStore;
  budget: RenderBudget;
}

interface SessionRenderArgs extends Omit<RenderTemplateArgs, "loadPartial"> {
  session: RenderSession;
  /** Names the template in errors, e.g. "System message". */
  where?: string | null;
}

export async function renderInSession({ template, variables, lenient = false, promptName, session, where = null }: SessionRenderArgs): Promise<string> {
  if (template.length > TEMPLATE_LIMITS.maxTemplateChars) throw templateTooLargeError({ size: template.length, where });
  const root = prepareTemplate(template);
  const [issue] = root.analysis.issues;
  if (issue) throw syntaxError({ issue, issueCount: root.analysis.issues.length, inPartial: null, where });

  await resolvePartials({ root, rootName: promptName, store: session.partials, where });

  const writer = new TemplateWriter({ partials: session.partials.loaded, budget: session.budget, where });
  // A prototype-less copy, so {{constructor}} or {{toString}} is a missing variable, not a leak of Object's methods.
  const view: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, variables);
  const output = writer.renderPrepared(root, view);

  if (writer.missing.length > 0 && !lenient) {
    const missing = writer.missing.map(({ variable, partial, offset }): MissingVariable => {
      const lines = partial === null ? root.lines : (session.partials.loaded.get(partial)?.lines ?? root.lines);
      return { variable, inPartial: partial, ...lines.positionAt(offset) };
    });
    throw missingVariablesError({ missing, where });
  }
  return output;
}
