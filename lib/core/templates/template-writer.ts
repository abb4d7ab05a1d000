// Mustache's Writer, adapted to prompts: nothing is HTML-escaped (the output goes to a model, not a browser),
// interpolations that find no value are recorded as missing variables, and every render spends from a budget
// of output characters and steps so a section over a huge list fails fast instead of hanging the server.
import Mustache from "mustache";
import { outputTooLargeError, tooManyStepsError, type TemplateErrorContext } from "./errors";
import { TEMPLATE_LIMITS } from "./limits";
import { fromMustacheError } from "./mustache-error";
import type { PreparedTemplate } from "./prepare-template";
import { SourceCache } from "./template-cache";

/** What one render may still spend; shared by the messages of a chat prompt. */
export interface RenderBudget {
  outputChars: number;
  steps: number;
}

export function createRenderBudget(): RenderBudget {
  return { outputChars: 0, steps: 0 };
}

export interface MissingInterpolation {
  variable: string;
  /** The partial holding the tag, or null for the template itself. */
  partial: string | null;
  /** Offset of the tag in that template's source. */
  offset: number;
}

interface Frame {
  partial: string | null;
  toSourceOffset: (offset: number) => number;
}

interface WriterOptions extends TemplateErrorContext {
  partials: ReadonlyMap<string, PreparedTemplate>;
  budget: RenderBudget;
}

// Mustache tokens mix strings and numbers; its typings call them string[].
type Token = string[];

// Explicit, so a change to the global Mustache.tags elsewhere in the process cannot change our syntax.
const TAGS: Mustache.OpeningAndClosingTags = ["{{", "}}"];

// Mustache's tokens per (template, tags), shared by every writer: a writer's own cache lives only for one render.
// Tokens are only read while rendering, so one parse serves every render of the same text.
const tokenCache = new SourceCache<Token[]>();
const sharedTemplateCache = {
  get: (key: string) => tokenCache.get(key),
  set: (key: string, tokens: Token[]) => tokenCache.set(key, tokens),
  clear: () => tokenCache.clear(),
};

export class TemplateWriter extends Mustache.Writer {
  readonly missing: MissingInterpolation[] = [];
  private readonly seenMissing = new Set<string>();
  private readonly frames: Frame[] = [{ partial: null, toSourceOffset: (offset) => offset }];
  private readonly indentedPartials = new Map<string, { text: string; tokens: Token[] }>();
  private readonly options: WriterOptions;

  constructor(options: WriterOptions) {
    super();
    this.options = options;
    (this as unknown as { templateCache: typeof sharedTemplateCache }).templateCache = sharedTemplateCache;
  }

  /** Renders a template checked and prepared by prepareTemplate. */
  renderPrepared(template: PreparedTemplate, view: Record<string, unknown>): string {
    try {
      return this.render(template.forMustache, view, undefined, { tags: TAGS });
    } catch (error) {
      throw fromMustacheError({ error, lines: template.lines, inPartial: null, where: this.options.where }) ?? error;
    }
  }

  override renderTokens(
    tokens: Token[],
    context: Mustache.Context,
    partials?: Mustache.PartialsOrLookupFn,
    originalTemplate?: string,
    config?: Mustache.RenderOptions,
  ): string {
    const { budget, where } = this.options;
    budget.steps += tokens.length + 1;
    if (budget.steps > TEMPLATE_LIMITS.maxRenderSteps) throw tooManyStepsError({ where });
    return super.renderTokens(tokens, context, partials, originalTemplate, config);
  }

  override rawValue(token: Token): string {
    return this.write(token[1] ?? "");
  }

  override escapedValue(token: Token, context: Mustache.Context): string {
    return this.interpolate(token, context);
  }

  override unescapedValue(token: Token, context: Mustache.Context): string {
    return this.interpolate(token, context);
  }

  // Same as mustache's (standalone partials are indented like their tag), with the indented text parsed once per
  // tag instead of on every loop iteration, and a frame so missing variables are placed in the partial's source.
  override renderPartial(token: Token, context: Mustache.Context, partials?: Mustache.PartialsOrLookupFn, config?: Mustache.RenderOptions): string {
    const key = token[1] ?? "";
    const partial = this.options.partials.get(key);
    if (!partial) return ""; // resolvePartials loaded every partial a template names before rendering started

    const indentation = Number(token[5]) === 0 && token[4] ? token[4] : "";
    const indentFirstLine = !token[6];
    const { text, tokens } = this.indented({ key, partial, indentation, indentFirstLine });
    const prefix = indentation.replace(/[^ \t]/g, "").length;
    this.frames.push({
      partial: key,
      toSourceOffset: (offset) => (prefix ? unindentOffset({ text: partial.forMustache, offset, prefix, indentFirstLine }) : offset),
    });
    try {
      return this.renderTokens(tokens, context, partials, text, config);
    } finally {
      this.frames.pop();
    }
  }

  private indented({ key, partial, indentation, indentFirstLine }: { key: string; partial: PreparedTemplate; indentation: string; indentFirstLine: boolean }) {
    const cacheKey = `${key}\u0000${indentation}\u0000${indentFirstLine}`;
    const cached = this.indentedPartials.get(cacheKey);
    if (cached) return cached;
    const source = partial.forMustache;
    const text = indentation ? this.indentPartial(source, indentation, !indentFirstLine) : source;
    let tokens: Token[];
    try {
      tokens = this.parse(text, TAGS) as Token[];
    } catch (error) {
      throw fromMustacheError({ error, lines: partial.lines, inPartial: key, where: this.options.where }) ?? error;
    }
    const entry = { text, tokens };
    this.indentedPartials.set(cacheKey, entry);
    return entry;
  }

  private interpolate(token: Token, context: Mustache.Context): string {
    const name = token[1] ?? "";
    const value: unknown = context.lookup(name);
    if (value === undefined) {
      this.noteMissing(name, Number(token[2]));
      return "";
    }
    return value === null ? "" : this.write(toText(value));
  }

  private noteMissing(variable: string, offset: number) {
    const frame = this.frames.at(-1) ?? { partial: null, toSourceOffset: (at: number) => at };
    const sourceOffset = frame.toSourceOffset(offset);
    const id = `${frame.partial ?? ""}\u0000${sourceOffset}`;
    if (this.seenMissing.has(id)) return;
    this.seenMissing.add(id);
    this.missing.push({ variable, partial: frame.partial, offset: sourceOffset });
  }

  private write(text: string): string {
    const { budget, where } = this.options;
    budget.outputChars += text.length;
    if (budget.outputChars > TEMPLATE_LIMITS.maxOutputChars) throw outputTooLargeError({ where });
    return text;
  }
}

// Like mustache's String(value), but the prototype-less view itself ({{.}} at the top level) has no toString.
function toText(value: unknown): string {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === null ? "[object Object]" : String(value);
}

/** Maps an offset in a partial indented by mustache back to the partial's own text. */
function unindentOffset({ text, offset, prefix, indentFirstLine }: { text: string; offset: number; prefix: number; indentFirstLine: boolean }): number {
  let added = 0;
  let lineStart = 0;
  for (let index = 0; ; index += 1) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const indent = lineEnd > lineStart && (index > 0 || indentFirstLine) ? prefix : 0;
    if (newline === -1 || offset <= lineEnd + added + indent) return Math.max(lineStart, offset - added - indent);
    added += indent;
    lineStart = newline + 1;
  }
}
