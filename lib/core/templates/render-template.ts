// Renders a template: checks it, loads its partials (async), then lets mustache render synchronously.
import { missingVariablesError, syntaxError, templateTooLargeError, type MissingVariable } from "./errors";
import { TEMPLATE_LIMITS } from "./limits";
import { prepareTemplate, type PreparedTemplate } from "./prepare-template";
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

export async function renderTemplate({ loadPartial, lenient, variables, ...args }: RenderTemplateArgs): Promise<string> {
  return renderPlannedTemplate(await planTemplate({ ...args, loadPartial }), variables, { lenient });
}

/**
 * A template checked, with every partial it includes loaded and checked: what is left to do is synchronous and
 * depends only on the variables, so a served prompt is planned once and rendered many times (the delivery API).
 */
export interface TemplatePlan {
  root: PreparedTemplate;
  partials: PartialStore;
  where: string | null;
}

/** Checks a template and loads its partials into `partials` (shared by the messages of a chat prompt). */
export async function planInStore({
  template,
  promptName,
  partials,
  where = null,
}: {
  template: string;
  promptName?: string;
  partials: PartialStore;
  where?: string | null;
}): Promise<TemplatePlan> {
  if (template.length > TEMPLATE_LIMITS.maxTemplateChars) throw templateTooLargeError({ size: template.length, where });
  const root = prepareTemplate(template);
  const [issue] = root.analysis.issues;
  if (issue) throw syntaxError({ issue, issueCount: root.analysis.issues.length, inPartial: null, where });
  await resolvePartials({ root, rootName: promptName, store: partials, where });
  return { root, partials, where };
}

/** One template's plan, with a partial store of its own. */
export function planTemplate({ template, loadPartial, promptName }: Omit<RenderTemplateArgs, "variables" | "lenient">): Promise<TemplatePlan> {
  return planInStore({ template, promptName, partials: createPartialStore(loadPartial) });
}

/** Renders a planned template alone: its own output budget. */
export function renderPlannedTemplate(plan: TemplatePlan, variables: Record<string, unknown>, { lenient = false }: { lenient?: boolean } = {}): string {
  return renderPlan(plan, variables, { lenient, budget: createRenderBudget() });
}

/** Renders a planned template within `budget` (shared by the messages of one chat render). */
export function renderPlan(
  { root, partials, where }: TemplatePlan,
  variables: Record<string, unknown>,
  { lenient = false, budget }: { lenient?: boolean; budget: RenderBudget },
): string {
  const writer = new TemplateWriter({ partials: partials.loaded, budget, where });
  // A prototype-less copy, so {{constructor}} or {{toString}} is a missing variable, not a leak of Object's methods.
  const view: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, variables);
  const output = writer.renderPrepared(root, view);

  if (writer.missing.length > 0 && !lenient) {
    const missing = writer.missing.map(({ variable, partial, offset }): MissingVariable => {
      const lines = partial === null ? root.lines : (partials.loaded.get(partial)?.lines ?? root.lines);
      return { variable, inPartial: partial, ...lines.positionAt(offset) };
    });
    throw missingVariablesError({ missing, where });
  }
  return output;
}
