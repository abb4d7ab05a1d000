// The limits a chain of partials must keep, checked the same way by the render (resolve-partials.ts, which throws)
// and by the variables list (collect-variables.ts, which reports): a prompt never includes itself, however far down,
// chains stay within the depth limit, and each partial's text within the size limits.
import type { AppError } from "@/lib/core/errors";
import { partialCycleError, partialDepthError, partialTooLargeError, totalTemplateTooLargeError, unknownPartialError, type TemplatePlace } from "./errors";
import { TEMPLATE_LIMITS } from "./limits";
import type { PartialRef } from "./parse-template";

/** The error for the tag at `place` (tags that include one partial differ in place, so the error is made per tag). */
export type PartialProblemAt = (place: TemplatePlace, where?: string | null) => AppError;

/** A prompt on the way down: `name` for the cycle check, `display` (the tag's key) for the chain in a message. */
export interface ChainFrame {
  name: string;
  display: string;
}

/** What is already known below a partial explored before. */
export interface ExploredBelow {
  /** Levels of partials it brings, itself included. */
  height: number;
  /** The longest chain of keys from it down. */
  deepest: string[];
  /** Every prompt name reachable from it, with the chain of keys that reaches it. */
  reach: Map<string, string[]>;
}

/**
 * Whether including `ref` (as `key`) below `stack` makes a cycle, by prompt name, or a chain deeper than the limit;
 * `path` is the keys of the partials above it, `known` what an earlier visit found below it. Null when it is fine.
 */
export function chainProblem({ ref, key, stack, path, known }: { ref: PartialRef; key: string; stack: ChainFrame[]; path: string[]; known?: ExploredBelow }): PartialProblemAt | null {
  const maxDepth = TEMPLATE_LIMITS.maxPartialDepth;
  const depth = path.length + 1;
  const cycleFrom = stack.findIndex((frame) => frame.name === ref.name);
  if (cycleFrom !== -1) return (place, where) => partialCycleError({ chain: [...stack.slice(cycleFrom).map((frame) => frame.display), key], place, where });
  if (depth > maxDepth) return (place, where) => partialDepthError({ chain: [...path, key], place, where });
  if (!known) return null;
  for (const [index, frame] of stack.entries()) {
    const rest = known.reach.get(frame.name);
    if (rest) return (place, where) => partialCycleError({ chain: [...stack.slice(index).map((item) => item.display), ...rest], place, where });
  }
  if (depth + known.height - 1 > maxDepth) return (place, where) => partialDepthError({ chain: [...path, ...known.deepest], place, where });
  return null;
}

/** Whether a partial's loaded text may be used: it exists, and it and all the text so far are within the size limits. */
export function sourceProblem({ ref, key, source, totalChars }: { ref: PartialRef; key: string; source: string | null; totalChars: number }): PartialProblemAt | null {
  if (source === null) return (place, where) => unknownPartialError({ name: ref.name, label: ref.label, place, where });
  if (source.length > TEMPLATE_LIMITS.maxTemplateChars) return (place, where) => partialTooLargeError({ name: key, size: source.length, place, where });
  if (totalChars > TEMPLATE_LIMITS.maxTotalTemplateChars) return (place, where) => totalTemplateTooLargeError({ size: totalChars, place, where });
  return null;
}
