import type { Page } from "@playwright/test";
import { DatasetsPage } from "./pages/datasets-page";
import { PlaygroundPage, switchToSandbox } from "./pages/playground-page";
import { EDITOR_MOUNT_TIMEOUT, STUDIO_URL } from "./support/env";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** Creates text prompts (one version each) in the page's current workspace, in one import request. */
async function importPrompts(page: Page, prompts: { name: string; template: string }[]) {
  const form = new FormData();
  for (const [i, prompt] of prompts.entries()) {
    const yaml = [
      `name: ${prompt.name}`,
      "type: text",
      "versions:",
      "  - version: 1",
      "    message: First version",
      "    author: null",
      '    createdAt: "2026-11-22T02:37:00.000Z"',
      `    template: ${JSON.stringify(prompt.template)}`,
      "",
    ].join("\n");
    form.append("files", new Blob([yaml], { type: "application/yaml" }), `prompt-${i}.yaml`);
  }
  const response = await page.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: form });
  expect(response.status(), await response.text()).toBe(200);
}

/** True when the page does not scroll sideways: nothing is wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.client}px window`).toBeLessThanOrEqual(widths.client);
}

test.describe("polish", () => {
  test("at 1440×900 no page scrolls sideways: the playground with three columns run, an evaluation run, the datasets", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("admin");
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchToSandbox(page);
    const name = `e2e/${unique("wide")}`;
    await importPrompts(page, [{ name, template: "Summarise {{ticket}} for the on-call engineer, in one paragraph." }]);

    await page.goto(`/playground?prompt=${encodeURIComponent(name)}`);
    const playground = new PlaygroundPage(page);
    await expect(playground.column(1)).toBeVisible();
    await playground.addColumn();
    await playground.addColumn();
    for (const n of [1, 2, 3]) await playground.chooseModel(n, "offline:demo");
    // A long unbroken token (a URL, a stack frame) is what pushes a column past its card.
    await playground.variable("ticket").fill(`https://support.example.com/tickets/${"x".repeat(180)} customer cannot sign in`);
    await playground.runButton().click();
    for (const n of [1, 2, 3]) await expect(playground.status(n)).toHaveText("Done", { timeout: 20_000 });
    await expect(playground.history().getByRole("row")).toHaveCount(4);
    await expectNoSidewaysScroll(page);

    // Back in Demo, where the seed ran support/triage on triage-smoke.
    await page.goto("/prompts");
    await page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Demo" });
    await expect(page.getByText("Switched to Demo")).toBeVisible();
    await page.goto("/evaluations");
    await page.getByRole("table", { name: "Evaluations" }).getByRole("link", { name: "support/triage v1 on triage-smoke" }).first().click();
    await expect(page.getByRole("table", { name: "Results" })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto("/datasets");
    await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test("with 300 prompts, the Prompt pickers of the playground and the New evaluation form are searchable and show whole names", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("admin");
    await switchToSandbox(page);
    const folder = `e2e/${unique("picker")}`;
    const longName = `${folder}/customer-support/escalations/angry-customer-reply-with-refund-offer`;
    await importPrompts(page, [
      ...Array.from({ length: 300 }, (_, i) => ({ name: `${folder}/prompt-${String(i).padStart(3, "0")}`, template: `Prompt ${i}: {{text}}` })),
      { name: longName, template: "Reply to {{customer}}." },
    ]);

    await page.goto("/playground");
    const picker = page.getByRole("combobox", { name: "Prompt", exact: true });
    await expect(picker.locator("option", { hasText: folder })).toHaveCount(301);
    await page.getByRole("searchbox", { name: "Filter prompts" }).fill(`${folder.slice(4)}/prompt-12`);
    await expect(picker.locator("option", { hasText: folder })).toHaveCount(10);
    await expect(picker.locator("option", { hasText: `${folder}/prompt-200` })).toHaveCount(0);
    await picker.selectOption(`${folder}/prompt-127`);
    await expect(page).toHaveURL(new RegExp(`prompt=${encodeURIComponent(`${folder}/prompt-127`)}`));
    await expect(new PlaygroundPage(page).variable("text")).toBeVisible();
    await expect(picker).toHaveValue(`${folder}/prompt-127`);

    // A long name is shown whole, not cut off by the picker's width.
    await page.getByRole("searchbox", { name: "Filter prompts" }).fill("angry-customer");
    // The match, and the current choice (kept so the select never shows what is not chosen).
    await expect(picker.locator("option", { hasText: folder })).toHaveText([longName, `${folder}/prompt-127`]);
    await picker.selectOption(longName);
    await expect(page).toHaveURL(/angry-customer-reply/);
    await expect(picker).toHaveValue(longName);
    expect(await selectShowsWholeLabel(picker)).toBe(true);

    // The form offers prompts once the workspace has a dataset to run them on.
    await new DatasetsPage(page).create(`${folder.replaceAll("/", "-")}-cases`);
    await page.goto("/evaluations/new");
    const form = page.getByRole("form", { name: "New evaluation" });
    const prompt = form.getByRole("combobox", { name: "Prompt", exact: true });
    await expect(prompt.locator("option", { hasText: folder })).toHaveCount(301);
    await form.getByRole("searchbox", { name: "Filter prompts" }).fill("prompt-29");
    await expect(prompt.locator("option", { hasText: `${folder}/prompt-` })).toHaveCount(10);
    await expect(prompt.locator("option", { hasText: `${folder}/prompt-200` })).toHaveCount(0);
    await prompt.selectOption({ label: `${folder}/prompt-293` });
    await expect(prompt.locator("option:checked")).toHaveText(`${folder}/prompt-293`);
    await expect(form.getByRole("checkbox", { name: "Latest (v1)" })).toBeChecked();
    await form.getByRole("searchbox", { name: "Filter prompts" }).fill("angry-customer");
    await prompt.selectOption({ label: longName });
    expect(await selectShowsWholeLabel(prompt)).toBe(true);
  });

  test("comparing two versions, switching the diff mode and leaving raise no 'disposed' error", async ({ pageAs }) => {
    const page = await pageAs("admin");
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await switchToSandbox(page);
    const name = `e2e/${unique("diff")}`;
    await importPrompts(page, [{ name, template: "Answer {{question}} briefly." }]);
    // A second version, through the same import (a file carries every version).
    const form = new FormData();
    const yaml = `name: ${name}\ntype: text\nversions:\n  - version: 1\n    message: First version\n    author: null\n    createdAt: "2026-11-22T02:37:00.000Z"\n    template: "Answer {{question}} briefly."\n  - version: 2\n    message: Cite sources\n    author: null\n    createdAt: "2026-11-23T02:37:00.000Z"\n    template: "Answer {{question}} with sources."\n`;
    form.append("files", new Blob([yaml], { type: "application/yaml" }), "diff.yaml");
    expect((await page.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: form })).status()).toBe(200);

    await page.goto(`/prompts/${name}?tab=history`);
    await page.getByRole("checkbox", { name: "Select v1" }).check();
    await page.getByRole("checkbox", { name: "Select v2" }).check();
    await page.getByRole("button", { name: "Compare" }).click();
    const diff = page.getByRole("region", { name: "Diff" });
    await expect(diff).toBeVisible();
    for (let round = 0; round < 3; round++) {
      await diff.getByRole("button", { name: "Side by side" }).click();
      await expect(diff.locator(".monaco-diff-editor").first()).toBeVisible({ timeout: EDITOR_MOUNT_TIMEOUT });
      await diff.getByRole("button", { name: "Inline" }).click();
      await expect(diff.locator(".monaco-diff-editor")).toHaveCount(0);
    }
    // Unmounting by navigating away while the side-by-side editor is open.
    await diff.getByRole("button", { name: "Side by side" }).click();
    await expect(diff.locator(".monaco-diff-editor").first()).toBeVisible({ timeout: EDITOR_MOUNT_TIMEOUT });
    await page.getByRole("link", { name: "Editor" }).first().click();
    await expect(diff).toHaveCount(0);
    await page.getByRole("navigation").getByRole("link", { name: "Datasets" }).click();
    await expect(page).toHaveURL(/\/datasets/);
    // Monaco rethrows unexpected errors from a zero-delay timer: let any such timer run before checking.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(problems.filter((p) => /dispos/i.test(p))).toEqual([]);
  });
});

/** Whether a native select is wide enough to show its chosen option's whole label (measured in its own font). */
async function selectShowsWholeLabel(select: import("@playwright/test").Locator): Promise<boolean> {
  return select.evaluate((element) => {
    const el = element as HTMLSelectElement;
    const style = getComputedStyle(el);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = style.font;
    const text = el.selectedOptions[0]?.text ?? "";
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(text).width <= room;
  });
}
