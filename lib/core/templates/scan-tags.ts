// A linear scan of a template's tags that finds them exactly where mustache's parser would. It runs before
// mustache ever sees a template because mustache's own scanner is quadratic on some malformed input (an unclosed
// `{{a` followed by a long run of spaces takes minutes), so only templates this scan accepts reach mustache.

export type TagKind =
  | "variable" // {{name}}
  | "raw" // {{{name}}} or {{& name}}; same as variable here, since nothing is escaped
  | "section" // {{#name}}
  | "inverted" // {{^name}}
  | "close" // {{/name}}
  | "comment" // {{! text}}
  | "partial" // {{> name@label}}
  | "delimiters"; // {{=<% %>=}}, not supported

export interface ScannedTag {
  kind: TagKind;
  /** The tag's content without its symbol and surrounding whitespace, as mustache reads it. */
  value: string;
  /** Offset of the opening "{{". */
  start: number;
  /** Offset just after the closing "}}" (or "}}}"). */
  end: number;
  /** Offset where the content begins (after the symbol), for masking comments. */
  bodyStart: number;
  /** Offset of the closing braces. */
  bodyEnd: number;
}

export interface TagScan {
  tags: ScannedTag[];
  /** Offset of a "{{" that is never closed; scanning stops there, as mustache's does. */
  unclosedAt: number | null;
}

const kindBySymbol: Record<string, TagKind> = {
  "#": "section",
  "^": "inverted",
  "/": "close",
  ">": "partial",
  "&": "raw",
  "{": "raw",
  "!": "comment",
  "=": "delimiters",
};

// Mustache skips whitespace with \s; this is the same set of characters.
const isWhitespace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

function skipWhitespace(source: string, from: number): number {
  let at = from;
  while (isWhitespace(source[at])) at += 1;
  return at;
}

export function scanTags(source: string): TagScan {
  const tags: ScannedTag[] = [];
  let position = 0;

  for (;;) {
    const start = source.indexOf("{{", position);
    if (start === -1) return { tags, unclosedAt: null };

    let at = skipWhitespace(source, start + 2);
    const symbol = source[at];
    const kind = (symbol !== undefined ? kindBySymbol[symbol] : undefined) ?? "variable";
    if (kind !== "variable") at += 1;
    const bodyStart = at;
    at = skipWhitespace(source, at);

    // A triple mustache ends at the first "}}}"; every other tag at the first "}}".
    const closer = symbol === "{" ? "}}}" : "}}";
    const bodyEnd = source.indexOf(closer, at);
    if (bodyEnd === -1) return { tags, unclosedAt: start };

    const value = source.slice(at, bodyEnd).trimEnd();
    const end = bodyEnd + closer.length;
    tags.push({ kind, value, start, end, bodyStart, bodyEnd });
    position = end;
  }
}
