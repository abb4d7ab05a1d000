// Our scan refuses malformed templates before mustache parses them, so mustache should never throw a syntax
// error. If it does anyway, its message carries a character offset; turn it into the usual positioned error.
import type { AppError } from "@/lib/core/errors";
import { templateErrorAt, type TemplateErrorContext } from "./errors";
import type { LineIndex } from "./source-position";

const mustacheSyntaxError = /^(Unclosed tag|Unopened section|Unclosed section|Invalid tags)(.*?)(?: at (\d+))?$/;

export function fromMustacheError({
  error,
  lines,
  inPartial,
  where,
}: TemplateErrorContext & { error: unknown; lines: LineIndex; inPartial: string | null }): AppError | null {
  if (!(error instanceof Error) || error.name === "AppError") return null;
  const match = mustacheSyntaxError.exec(error.message);
  if (!match) return null;
  const place = { ...lines.positionAt(Number(match[3] ?? 0)), inPartial };
  return templateErrorAt({ message: `${match[1]}${match[2] ?? ""}`.trim(), where, place });
}
