// The `{{> name@label}}` reference: a prompt name of the workspace, optionally pinned to a label or version.

export interface PartialTarget {
  name: string;
  /** An environment label such as "production", or a version number as text ("3"); null = the loader's default. */
  label: string | null;
}

// Same shape as promptNameSchema in lib/prompts/schemas.ts (a test keeps the two in step), so any prompt can be
// included and a typo is reported while typing rather than as "unknown partial" at render time.
const NAME = "[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*";
const LABEL = "[A-Za-z0-9][A-Za-z0-9._-]*";
const referencePattern = new RegExp(`^(${NAME})(?:@(${LABEL}))?$`);

/** The target of a partial tag's content, or null when it is not a valid reference. */
export function parsePartialReference(value: string): PartialTarget | null {
  const match = referencePattern.exec(value);
  if (!match?.[1]) return null;
  return { name: match[1], label: match[2] ?? null };
}

/**
 * The key mustache looks partials up by. It is the tag's own content, so templates reach mustache unchanged and
 * offsets in its tokens stay those of the source.
 */
export function partialKey({ name, label }: PartialTarget): string {
  return label === null ? name : `${name}@${label}`;
}
