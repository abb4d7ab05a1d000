// Every template failure is one AppError("bad_request:template"): the message says what and where in words a
// prompt author understands, the details carry the same facts for the editor (line/column to put a marker on).
import { AppError } from "@/lib/core/errors";
import { TEMPLATE_LIMITS, describeChars, formatCount } from "./limits";
import type { TemplateIssue } from "./parse-template";

export interface TemplatePlace {
  line: number;
  column: number;
  /** The partial whose text holds the position; null or absent = the template itself. */
  inPartial?: string | null;
}

export interface TemplateErrorContext {
  /** Which template of a prompt failed, e.g. "System message"; absent for a text prompt's single template. */
  where?: string | null;
}

interface ErrorArgs extends TemplateErrorContext {
  message: string;
  details?: Record<string, unknown>;
}

export function templateError({ message, where, details }: ErrorArgs): AppError {
  return new AppError("bad_request:template", where ? `${where}: ${message}` : message, { details });
}

export function describePlace({ line, column, inPartial }: TemplatePlace): string {
  return [inPartial ? `in partial "${inPartial}"` : null, `line ${line}`, `column ${column}`].filter(Boolean).join(", ");
}

/** "Unknown partial "x" (line 2, column 5)", or "System message, line 2, column 5: Unknown partial "x"". */
export function templateErrorAt({ message, where, details, place }: ErrorArgs & { place: TemplatePlace }): AppError {
  const text = where ? `${where}, ${describePlace(place)}: ${message}` : `${message} (${describePlace(place)})`;
  return new AppError("bad_request:template", text, {
    details: { ...details, line: place.line, column: place.column, inPartial: place.inPartial ?? null },
  });
}

/** A template the scan refused; the message cites the first issue, the details say how many there are. */
export function syntaxError({ issue, issueCount, inPartial, where }: TemplateErrorContext & { issue: TemplateIssue; issueCount: number; inPartial: string | null }) {
  return templateErrorAt({
    message: issue.message.replace(/\.$/, ""),
    where,
    place: { line: issue.line, column: issue.column, inPartial },
    details: { endLine: issue.endLine, endColumn: issue.endColumn, issueCount },
  });
}

export interface MissingVariable extends TemplatePlace {
  variable: string;
}

export function missingVariablesError({ missing, where }: TemplateErrorContext & { missing: MissingVariable[] }): AppError {
  const [first, ...rest] = missing;
  if (!first) throw new Error("missingVariablesError needs at least one missing variable");
  const all = missing.map(({ variable, line, column, inPartial }) => ({ variable, line, column, inPartial: inPartial ?? null }));
  if (rest.length === 0) {
    return templateErrorAt({ message: `Missing variable "${first.variable}"`, where, place: first, details: { variable: first.variable, missing: all } });
  }
  const listed = missing.map((entry) => `"${entry.variable}" (${describePlace(entry)})`);
  const message = `Missing variables ${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`;
  return templateError({
    message,
    where,
    details: { variable: first.variable, line: first.line, column: first.column, inPartial: first.inPartial ?? null, missing: all },
  });
}

export function unknownPartialError({ name, label, place, where }: TemplateErrorContext & { name: string; label: string | null; place: TemplatePlace }) {
  const shown = label === null ? name : `${name}@${label}`;
  return templateErrorAt({ message: `Unknown partial "${shown}": no prompt has this name${label === null ? "" : " and label"}`, where, place, details: { partial: name, label } });
}

export function partialCycleError({ chain, place, where }: TemplateErrorContext & { chain: string[]; place: TemplatePlace }) {
  return templateErrorAt({ message: `Partials include each other in a cycle: ${chain.join(" → ")}`, where, place, details: { chain } });
}

export function partialDepthError({ chain, place, where }: TemplateErrorContext & { chain: string[]; place: TemplatePlace }) {
  const limit = TEMPLATE_LIMITS.maxPartialDepth;
  return templateErrorAt({
    message: `Partials are nested more than ${limit} levels deep (limit: ${limit}): ${chain.join(" → ")}`,
    where,
    place,
    details: { chain, limit },
  });
}

export function tooManyPartialsError({ place, where }: TemplateErrorContext & { place: TemplatePlace }) {
  const limit = TEMPLATE_LIMITS.maxPartials;
  return templateErrorAt({ message: `Too many partials: one render can include at most ${limit} different partials (limit: ${limit})`, where, place, details: { limit } });
}

export function partialTooLargeError({ name, size, place, where }: TemplateErrorContext & { name: string; size: number; place: TemplatePlace }) {
  const limit = TEMPLATE_LIMITS.maxTemplateChars;
  return templateErrorAt({
    message: `Partial "${name}" is too large: ${formatCount(size)} characters (limit: ${describeChars(limit)})`,
    where,
    place,
    details: { partial: name, size, limit },
  });
}

export function templateTooLargeError({ size, where }: TemplateErrorContext & { size: number }) {
  const limit = TEMPLATE_LIMITS.maxTemplateChars;
  return templateError({ message: `Template is too large: ${formatCount(size)} characters (limit: ${describeChars(limit)}).`, where, details: { size, limit } });
}

export function totalTemplateTooLargeError({ size, place, where }: TemplateErrorContext & { size: number; place: TemplatePlace }) {
  const limit = TEMPLATE_LIMITS.maxTotalTemplateChars;
  return templateErrorAt({
    message: `The template and its partials are too large together: ${formatCount(size)} characters (limit: ${describeChars(limit)})`,
    where,
    place,
    details: { size, limit },
  });
}

export function outputTooLargeError({ where }: TemplateErrorContext) {
  const limit = TEMPLATE_LIMITS.maxOutputChars;
  return templateError({
    message: `Rendered output is larger than the limit of ${describeChars(limit)}. A section probably repeats over a very long list.`,
    where,
    details: { limit },
  });
}

export function tooManyStepsError({ where }: TemplateErrorContext) {
  const limit = TEMPLATE_LIMITS.maxRenderSteps;
  return templateError({
    message: `Rendering needs more than the limit of ${formatCount(limit)} steps. Sections probably loop over very long or nested lists.`,
    where,
    details: { limit },
  });
}
