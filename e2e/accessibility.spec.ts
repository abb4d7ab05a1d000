import type { Page } from "@playwright/test";
import { ReviewPage } from "./pages/review-page";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { EDITOR_MOUNT_TIMEOUT, type DemoRole } from "./support/env";
import { expect, test, type PageAs } from "./support/test";

// Every main page, in light and in dark mode, has no serious or critical axe violation (WCAG 2.0/2.1 A and AA).
// The app follows the system theme until one is chosen, so dark mode is the browser's prefers-color-scheme.

interface MainPage {
  name: string;
  role: DemoRole | null;
  /** Opens the page and waits until its content (not just the shell) is there. */
  open: (page: Page) => Promise<void>;
}

const heading = (page: Page, name: string | RegExp) => expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

/** Monaco renders after hydration; scan once its textarea (named by us) is in the page. */
const editorReady = (page: Page, name = "System message") => expect(page.getByRole("textbox", { name, exact: true })).toBeAttached({ timeout: EDITOR_MOUNT_TIMEOUT });

const goto = (path: string, ready: (page: Page) => Promise<void>) => async (page: Page) => {
  await page.goto(path);
  await ready(page);
};

/** Opens the first row's link of a listing table. */
const firstRow = (path: string, table: string) => async (page: Page) => {
  await page.goto(path);
  const link = page.getByRole("table", { name: table }).getByRole("link").first();
  const label = (await link.textContent())!.trim();
  await link.click();
  await heading(page, label);
};

const PAGES: MainPage[] = [
  { name: "sign-in", role: null, open: goto("/login", (p) => expect(p.getByRole("button", { name: "Sign in" })).toBeVisible()) },
  { name: "prompts list", role: "editor", open: goto("/prompts", (p) => expect(p.getByRole("table", { name: "Prompts" })).toBeVisible()) },
  // A chosen tag filter is the state axe checks the filter links' ARIA in.
  { name: "prompts filtered by a tag", role: "editor", open: goto("/prompts?tag=support", (p) => expect(p.getByRole("table", { name: "Prompts" })).toBeVisible()) },
  { name: "prompt editor", role: "editor", open: goto("/prompts/support/triage", (p) => editorReady(p)) },
  { name: "prompt history", role: "editor", open: goto("/prompts/support/triage?tab=history", (p) => expect(p.getByRole("list", { name: "Versions" })).toBeVisible()) },
  { name: "prompt deployments", role: "editor", open: goto("/prompts/support/triage?tab=deployments", (p) => expect(p.getByRole("button", { name: "Promote" }).first()).toBeVisible()) },
  { name: "prompt playground", role: "editor", open: goto("/prompts/support/triage?tab=playground", (p) => expect(p.getByRole("region", { name: "Column 1" })).toBeVisible()) },
  // /playground first asks which prompt to run.
  { name: "playground", role: "editor", open: goto("/playground", (p) => expect(p.getByRole("combobox", { name: "Prompt", exact: true })).toBeVisible()) },
  { name: "datasets list", role: "editor", open: goto("/datasets", (p) => expect(p.getByRole("table", { name: "Datasets" })).toBeVisible()) },
  { name: "one dataset", role: "editor", open: firstRow("/datasets", "Datasets") },
  { name: "evaluations list", role: "editor", open: goto("/evaluations", (p) => expect(p.getByRole("table", { name: "Evaluations" })).toBeVisible()) },
  { name: "one evaluation run", role: "editor", open: firstRow("/evaluations", "Evaluations") },
  { name: "review queues", role: "reviewer", open: goto("/review", (p) => heading(p, "Review")) },
  { name: "rating screen", role: "reviewer", open: (p) => new ReviewPage(p).open("Triage spot check") },
  { name: "dashboard", role: "editor", open: goto("/dashboard", (p) => heading(p, "Dashboard")) },
  { name: "approvals", role: "lead", open: goto("/approvals", (p) => heading(p, "Approvals")) },
  ...["account", "api-keys", "members", "audit", "environments", "providers", "webhooks"].map(
    (section): MainPage => ({ name: `settings: ${section}`, role: "admin", open: goto(`/settings/${section}`, (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()) }),
  ),
];

test.describe("axe: no serious or critical violations", () => {
  for (const main of PAGES) {
    test(`${main.name}, light and dark`, async ({ pageAs, page: anonymous }) => {
      const page = main.role ? await pageAs(main.role) : anonymous;
      await page.emulateMedia({ colorScheme: "light" });
      await main.open(page);
      await expect(page.locator("html")).not.toHaveClass(/dark/);
      await test.step("light", () => expectNoSeriousA11yViolations(page));

      await page.emulateMedia({ colorScheme: "dark" });
      await expect(page.locator("html")).toHaveClass(/dark/);
      await test.step("dark", () => expectNoSeriousA11yViolations(page));
    });
  }
});

test("the skip link is the first thing Tab reaches and moves focus to the main landmark", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/prompts");
  await expect(page.getByRole("table", { name: "Prompts" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab lands inside the page, not back in the sidebar.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test.describe("the template editor says how to leave it with the keyboard, and those keys do it", () => {
  const EDITOR = "System message";
  const insideEditor = (page: Page) => page.evaluate((name) => !!document.activeElement?.closest(`[data-template-editor="${name}"]`), EDITOR);
  /** An editor's page on support/triage, once its System message editor has mounted. */
  const openEditor = async (pageAs: PageAs) => {
    const page = await pageAs("editor");
    await page.goto("/prompts/support/triage");
    await editorReady(page, EDITOR);
    return { page, editor: page.getByRole("textbox", { name: EDITOR, exact: true }) };
  };

  test("the hint is shown and read with the editor", async ({ pageAs }) => {
    const { page, editor } = await openEditor(pageAs);
    await expect(editor).toHaveAccessibleDescription(/press Esc, then Tab.*Ctrl\+M/);
    await expect(page.locator(`[data-template-editor="${EDITOR}"] + p`)).toBeVisible();
  });

  test("Esc then Tab leaves; Tab alone, or Esc then typing, keeps Tab for indentation", async ({ pageAs }) => {
    const { page, editor } = await openEditor(pageAs);

    await editor.focus();
    await page.keyboard.press("Tab");
    expect(await insideEditor(page)).toBe(true);

    await page.keyboard.press("Escape");
    await page.keyboard.type("x");
    await page.keyboard.press("Tab");
    expect(await insideEditor(page)).toBe(true);

    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect.poll(() => insideEditor(page)).toBe(false);
    // Coming back, Tab indents again.
    await editor.focus();
    await page.keyboard.press("Tab");
    expect(await insideEditor(page)).toBe(true);
  });

  test("Ctrl+M makes Tab move focus", async ({ pageAs }) => {
    const { page, editor } = await openEditor(pageAs);
    await editor.focus();
    await page.keyboard.press("Control+M");
    await page.keyboard.press("Tab");
    await expect.poll(() => insideEditor(page)).toBe(false);
  });
});

test("the tag filter marks the chosen tag as the current one, with no button-only ARIA on links", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/prompts");
  const filters = page.getByRole("group", { name: "Filter by tag" });
  await filters.getByRole("link", { name: "support", exact: true }).click();
  await expect(page).toHaveURL(/tag=support/);
  const chosen = filters.getByRole("link", { name: "support", exact: true });
  await expect(chosen).toHaveAttribute("aria-current", "true");
  await expect(filters.locator("[aria-pressed]")).toHaveCount(0);
  await expect(filters.getByRole("link", { name: "marketing", exact: true })).not.toHaveAttribute("aria-current", /.*/);
  // Following the chosen tag again clears the filter.
  await chosen.click();
  await expect(page).not.toHaveURL(/tag=/);
  await expect(filters.locator("[aria-current]")).toHaveCount(0);
});
