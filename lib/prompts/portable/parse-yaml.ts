// YAML text to plain data, with every syntax error located by line and column, within the upload bounds of
// lib/core/yaml/bounded-yaml.ts (nesting depth, alias count and expansion).
import { LineCounter } from "yaml";
import { boundedToJS, parseBoundedDocument, YamlLimitError } from "@/lib/core/yaml/bounded-yaml";
import { MAX_FILE_BYTES } from "./import-limits";
import type { ImportError } from "./types";

/** Aliases may not make a file's data larger than twice the largest file (exports never write aliases). */
const MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES;

export function parseYaml({ file, content }: { file: string; content: string }): { ok: true; value: unknown } | { ok: false; errors: ImportError[] } {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `(line ${line}, column ${col})`;
  };
  try {
    // Core schema: timestamps stay strings (createdAt round-trips exactly) and yes/no stay strings.
    const doc = parseBoundedDocument(content, { lineCounter, prettyErrors: false, schema: "core", uniqueKeys: true });
    if (doc.errors.length > 0) {
      return { ok: false, errors: doc.errors.map((error) => ({ file, field: "(yaml)", message: `${error.message.replace(/\s+$/, "")} ${at(error.pos[0])}` })) };
    }
    return { ok: true, value: boundedToJS(doc, MAX_EXPANDED_CHARS) };
  } catch (error) {
    if (error instanceof YamlLimitError && error.offset > 0) return { ok: false, errors: [{ file, field: "(yaml)", message: `${error.message} ${at(error.offset)}` }] };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, field: "(yaml)", message }] };
  }
}
