import { Composer, Lexer, LineCounter, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from "yaml";

// YAML from uploads (prompt files, promptfoo configs) is read with three bounds, because the format can make a
// small file cost far more than its size:
// - nesting depth, checked by the parser as it goes: a 1 MiB file of "[" nests 500,000 deep, which the parser
//   handles in quadratic time (tens of seconds) and the composer then overflows the stack on;
// - aliases (the `yaml` package's maxAliasCount), against "billion laughs" files;
// - the size of the value once aliases are expanded, because 99 aliases of a 900 KiB string are still allowed by
//   the alias count and would become 89 MiB of data.

export const YAML_LIMITS = {
  /** Collections nested in collections: JSON Schemas in prompt files go about 20 deep. */
  maxDepth: 64,
  maxAliasCount: 50,
} as const;

export class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** `yaml`'s parseDocument, refusing a document nested deeper than YAML_LIMITS.maxDepth as soon as it gets there. */
export function parseBoundedDocument(source: string, options: Options & { lineCounter?: LineCounter } = {}): Document.Parsed {
  const parser = new Parser(options.lineCounter?.addNewLine);
  function* tokens() {
    options.lineCounter?.addNewLine(0);
    for (const lexeme of new Lexer().lex(source)) {
      yield* parser.next(lexeme);
      // The parser's stack holds the document and each open collection.
      if (parser.stack.length > YAML_LIMITS.maxDepth + 1) {
        throw new YamlLimitError(`The YAML nests deeper than ${YAML_LIMITS.maxDepth} levels.`, parser.offset);
      }
    }
    yield* parser.end();
  }
  const docs = new Composer(options).compose(tokens(), true, source.length);
  const first = docs.next().value as Document.Parsed;
  const second = docs.next();
  if (!second.done) {
    const [start, end] = (second.value as Document.Parsed).range;
    first.errors.push(new YAMLParseError([start, end], "MULTIPLE_DOCS", "Source contains multiple documents; a file holds one."));
  }
  return first;
}

/** Plain data from a parsed document, with aliases capped in number and in the size they expand to. */
export function boundedToJS(doc: Document.Parsed, maxExpandedChars: number): unknown {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (error) {
    // yaml's own check ("Excessive alias count indicates a resource exhaustion attack"), said plainly.
    if (error instanceof ReferenceError) throw new YamlLimitError(`The YAML uses its aliases (*alias) more than ${YAML_LIMITS.maxAliasCount} times.`, 0);
    throw error;
  }
  if (expandedSizeExceeds(value, maxExpandedChars)) {
    throw new YamlLimitError(`The YAML expands to more than ${maxExpandedChars.toLocaleString("en")} characters through its aliases (&anchor, *alias).`, 0);
  }
  return value;
}

/**
 * Whether a value, written out, would be longer than `max` characters (roughly: strings, keys and scalars by
 * length, one per node). Stops as soon as it knows, so shared references cost at most `max` steps.
 */
export function expandedSizeExceeds(value: unknown, max: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    size += 1;
    if (typeof item === "string") size += item.length;
    else if (typeof item === "number" || typeof item === "boolean" || typeof item === "bigint") size += String(item).length;
    else if (Array.isArray(item)) for (const child of item) stack.push(child);
    else if (item instanceof Date) size += 24;
    else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        size += key.length;
        stack.push(child);
      }
    }
    if (size > max) return true;
  }
  return false;
}

/** Syntax errors, located. */
export class YamlSyntaxError extends Error {}

/**
 * One YAML document to plain data within the bounds. Throws YamlLimitError for a bound and YamlSyntaxError for
 * the first syntax error, each message ending with where it is ("(line 3, column 7)") when that is known.
 */
export function readBoundedYaml(source: string, maxExpandedChars: number, options: Options = {}): unknown {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `(line ${line}, column ${col})`;
  };
  let doc: Document.Parsed;
  try {
    doc = parseBoundedDocument(source, { ...options, lineCounter, prettyErrors: false });
  } catch (error) {
    if (error instanceof YamlLimitError) throw new YamlLimitError(`${error.message} ${at(error.offset)}`, error.offset);
    throw error;
  }
  const first = doc.errors[0];
  if (first) throw new YamlSyntaxError(`${first.message.replace(/\s+$/, "")} ${at(first.pos[0])}`);
  return boundedToJS(doc, maxExpandedChars);
}
