// A template made ready for mustache: checked by our own scan, with comment bodies masked. Mustache's scanner
// backtracks quadratically over long whitespace runs inside a tag, and comments are the one tag whose body is
// free text. Masking keeps every offset (and so every line/column) identical to the source.
import { inspectTemplate, type InspectedTemplate } from "./parse-template";
import { SourceCache } from "./template-cache";

export interface PreparedTemplate extends InspectedTemplate {
  /** What mustache parses: the source with each comment's body replaced by "_" of the same length. */
  forMustache: string;
}

const prepared = new SourceCache<PreparedTemplate>();

/** The prepared template, computed once per source text (template-cache.ts); callers only read it. */
export function prepareTemplate(source: string): PreparedTemplate {
  const cached = prepared.get(source);
  if (cached) return cached;
  const result = prepareUncached(source);
  prepared.set(source, result);
  return result;
}

function prepareUncached(source: string): PreparedTemplate {
  const inspected = inspectTemplate(source);
  const parts: string[] = [];
  let copied = 0;
  for (const tag of inspected.tags) {
    if (tag.kind !== "comment") continue;
    parts.push(source.slice(copied, tag.bodyStart), "_".repeat(tag.bodyEnd - tag.bodyStart));
    copied = tag.bodyEnd;
  }
  parts.push(source.slice(copied));
  return { ...inspected, forMustache: parts.join("") };
}
