// YAML text to plain data, with every syntax error located by line and column.
import { LineCounter, parseDocument } from "yaml";
import type { ImportError } from "./types";

/** Aliases are rarely useful in a prompt file and are how "billion laughs" files blow up; keep them few. */
const MAX_ALIAS_COUNT = 50;

export function parseYaml({ file, content }: { file: string; content: string }): { ok: true; value: unknown } | { ok: false; errors: ImportError[] } {
  const lineCounter = new LineCounter();
  // Core schema: timestamps stay strings (createdAt round-trips exactly) and yes/no stay strings.
  const doc = parseDocument(content, { lineCounter, prettyErrors: false, schema: "core", uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, field: "(yaml)", message: `${error.message.replace(/\s+$/, "")} (line ${line}, column ${col})` };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file, field: "(yaml)", message }] };
  }
}
