import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

export interface AxeOptions {
  /**
   * CSS selectors left out of the scan. Only for a third-party widget whose markup we cannot change; every entry
   * says why at the call site. Never a way to silence our own markup.
   */
  exclude?: string[];
}

/** One violation per block: rule, impact, help, then each offending node's target and axe's summary of the failure. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join("\n\n");
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or critical
 * violation, printing them readably. Axe is injected through Playwright's evaluate, which the page's CSP does not
 * block (CDP evaluation is not a page script); the check below that axe actually ran guards against a silent pass.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: AxeOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  expect(results.passes.length, "axe ran and checked something").toBeGreaterThan(0);
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  expect(blocking, `axe found serious or critical violations on ${page.url()}:\n\n${formatViolations(blocking)}`).toEqual([]);
}
