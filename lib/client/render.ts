// Renders a delivered prompt locally with Mustache, the way the studio does: nothing is HTML-escaped (the text
// goes to a model, not a browser), partials come from the prompt's own `partials` map, and a variable that finds
// no value is an error naming it unless `lenient`.
import Mustache from "mustache";
import { PromptClientError } from "./errors";
import type { ChatMessage, Prompt, RenderedPrompt } from "./types";

// Same limit as the studio. The studio refuses cycles before serving a prompt; this only stops a bad map from
// recursing until the stack overflows.
const MAX_PARTIAL_DEPTH = 10;

// Explicit, so a change to the global Mustache.tags elsewhere in the app cannot change the syntax.
const TAGS: Mustache.OpeningAndClosingTags = ["{{", "}}"];

// Mustache tokens mix strings and numbers; its typings call them string[].
type Token = string[];

export interface RenderPromptArgs {
  prompt: Prompt;
  variables: Record<string, unknown>;
  lenient?: boolean;
}

export function renderPrompt({ prompt, variables, lenient = false }: RenderPromptArgs): RenderedPrompt {
  const writer = new PromptWriter(prompt.partials);
  // A prototype-less copy, so {{constructor}} is a missing variable rather than Object's constructor.
  const view: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, variables);
  const render = (template: string, where: string) => writer.renderTemplate({ template, view, where });

  const rendered: RenderedPrompt =
    prompt.type === "text"
      ? { type: "text", text: render(prompt.template, "Template") }
      : { type: "chat", messages: prompt.messages.map((message, index): ChatMessage => ({ role: message.role, content: render(message.content, `Message ${index + 1} (${message.role})`) })) };

  if (writer.missing.size > 0 && !lenient) {
    const names = [...writer.missing];
    throw new PromptClientError("render:missing_variables", `Missing ${names.length === 1 ? "variable" : "variables"} ${names.map((n) => `"${n}"`).join(", ")} in prompt "${prompt.name}".`, {
      details: { missing: names },
    });
  }
  return rendered;
}

/** The top-level names a template reads (`{{customer.name}}` reads "customer"), in order of first use. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      const [kind, value] = token;
      if (value && value !== "." && (kind === "name" || kind === "&" || kind === "#" || kind === "^")) names.add(value.split(".")[0] ?? value);
      const children = token[4] as unknown;
      if ((kind === "#" || kind === "^") && Array.isArray(children)) visit(children as Token[]);
    }
  };
  visit(Mustache.parse(template, TAGS) as Token[]);
  return [...names];
}

class PromptWriter extends Mustache.Writer {
  readonly missing = new Set<string>();
  private readonly partials: Record<string, string>;
  private depth = 0;

  constructor(partials: Record<string, string>) {
    super();
    this.partials = partials;
  }

  renderTemplate({ template, view, where }: { template: string; view: Record<string, unknown>; where: string }): string {
    try {
      return this.render(template, view, (key) => this.partial(key), { tags: TAGS });
    } catch (error) {
      if (error instanceof PromptClientError) throw error;
      throw new PromptClientError("render:template", `${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  override renderPartial(token: Token, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, config?: Mustache.RenderOptions): string {
    if (this.depth >= MAX_PARTIAL_DEPTH) {
      throw new PromptClientError("render:partial_depth", `Partials are nested more than ${MAX_PARTIAL_DEPTH} levels deep (at "${token[1]}").`);
    }
    this.depth += 1;
    try {
      return super.renderPartial(token, context, partials, config) ?? "";
    } finally {
      this.depth -= 1;
    }
  }

  override escapedValue(token: Token, context: Mustache.Context): string {
    return this.interpolate(token, context);
  }

  override unescapedValue(token: Token, context: Mustache.Context): string {
    return this.interpolate(token, context);
  }

  private partial(key: string): string {
    // Own keys only, so {{> constructor}} is unknown rather than Object's constructor.
    if (Object.prototype.hasOwnProperty.call(this.partials, key)) {
      const template = this.partials[key];
      if (typeof template === "string") return template;
    }
    throw new PromptClientError("render:unknown_partial", `Unknown partial "${key}": the prompt's partials do not include it.`, { details: { partial: key } });
  }

  private interpolate(token: Token, context: Mustache.Context): string {
    const name = token[1] ?? "";
    const value: unknown = context.lookup(name);
    if (value === undefined) {
      this.missing.add(name);
      return "";
    }
    return value === null ? "" : toText(value);
  }
}

// Like String(value), but the prototype-less view itself ({{.}} at the top level) has no toString.
function toText(value: unknown): string {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === null ? "[object Object]" : String(value);
}
