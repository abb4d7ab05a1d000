// Hard limits on templates and renders. They exist so a huge or hostile template (or a variable that turns a
// section into a giant loop) is refused with a clear error instead of hanging or exhausting the server.

const MiB = 1_048_576;

export const TEMPLATE_LIMITS = {
  /** Characters in one template (a text prompt, one chat message, or one partial). */
  maxTemplateChars: MiB,
  /** Characters in a template plus every partial it includes, so 100 partials of 1 MiB cannot pile up. */
  maxTotalTemplateChars: 4 * MiB,
  /** Sections (`{{#a}}` / `{{^a}}`) open inside each other at once. */
  maxSectionDepth: 50,
  /** Characters of rendered output (shared by all messages of a chat prompt). */
  maxOutputChars: 5 * MiB,
  /** Partials included inside each other: the template's own partials are level 1. */
  maxPartialDepth: 10,
  /** Different partials loaded for one render. */
  maxPartials: 100,
  /**
   * Tokens visited while rendering. Nested sections over long lists can loop billions of times without writing
   * a single character, which the output limit would never catch.
   */
  maxRenderSteps: 5_000_000,
} as const;

export type TemplateLimits = typeof TEMPLATE_LIMITS;

/** "1,048,576 characters (1 MiB)": limit errors always say the value of the limit they hit. */
export function describeChars(count: number): string {
  const formatted = `${count.toLocaleString("en-US")} characters`;
  return count % MiB === 0 ? `${formatted} (${count / MiB} MiB)` : formatted;
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
