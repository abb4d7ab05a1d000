import type { Page } from "@playwright/test";
import { ReviewPage } from "./pages/review-page";
import { EDITOR_MOUNT_TIMEOUT, STUDIO_URL, type DemoRole } from "./support/env";
import { expect, test } from "./support/test";

// A phone (390 × 844): no page scrolls sideways, and the navigation folds behind the button "Menu" (UI contract).
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** pageAs opens its own context (with the role's session), so it gets the phone's size here. */
async function phoneAs(pageAs: (role: DemoRole) => Promise<Page>, role: DemoRole, size = PHONE) {
  const page = await pageAs(role);
  await page.setViewportSize(size);
  return page;
}

const NAV = ["Prompts", "Playground", "Datasets", "Evaluations", "Review", "Dashboard", "Approvals", "Settings"];

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
}

test("sign-in fits a phone", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the prompts list and a prompt page fit a phone; the editor still takes text", async ({ pageAs }) => {
  const page = await phoneAs(pageAs, "editor");
  await page.goto("/prompts");
  await expect(page.getByRole("table", { name: "Prompts" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/prompts/support/triage");
  const editor = page.getByRole("textbox", { name: "System message", exact: true });
  await expect(editor).toBeAttached({ timeout: EDITOR_MOUNT_TIMEOUT });
  await expectNoSidewaysScroll(page);
  await editor.focus();
  await page.keyboard.insertText("Phone edit. ");
  await expect(page.locator('[data-template-editor="System message"]')).toContainText("Phone edit.");
});

test("the rating screen fits a phone, with the item above the rating panel", async ({ pageAs }) => {
  const page = await phoneAs(pageAs, "reviewer");
  await new ReviewPage(page).open("Triage spot check");
  const item = page.getByRole("region", { name: "Item to rate" });
  const rating = page.getByRole("region", { name: "Rating" });
  await expect(item).not.toHaveAttribute("aria-busy", "true");
  const [itemBox, ratingBox] = [await item.boundingBox(), await rating.boundingBox()];
  // Stacked: the whole item comes first, then the panel, each the width of the page's column.
  expect(itemBox!.y + itemBox!.height).toBeLessThanOrEqual(ratingBox!.y);
  expect(Math.abs(itemBox!.x - ratingBox!.x)).toBeLessThan(1);
  expect(Math.abs(itemBox!.width - ratingBox!.width)).toBeLessThan(1);
  await expectNoSidewaysScroll(page);
});

test("approvals fit a phone", async ({ pageAs }) => {
  const page = await phoneAs(pageAs, "lead");
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the navigation folds behind Menu, which opens the same links; a link navigates and closes it", async ({ pageAs }) => {
  const page = await phoneAs(pageAs, "lead");
  await page.goto("/prompts");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of NAV) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await nav.getByRole("link", { name: "Approvals", exact: true }).click();
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Esc closes it too, and gives focus back to the button.
  await menu.click();
  await expect(nav).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
});

// Every main page, as each role that uses it sees it, after its content has loaded. Wide tables scroll inside their
// cards and the prompt's tabs scroll inside their row; nothing makes the page itself scroll sideways.
const MAIN_PAGES: { path: string; role: DemoRole; ready: (page: Page) => Promise<void> }[] = [
  { path: "/prompts/support/triage?tab=history", role: "editor", ready: (p) => expect(p.getByRole("list", { name: "Versions" })).toBeVisible() },
  { path: "/prompts/support/triage?tab=deployments", role: "lead", ready: (p) => expect(p.getByRole("button", { name: "Promote" }).first()).toBeVisible() },
  { path: "/playground?prompt=support/triage", role: "editor", ready: (p) => expect(p.getByRole("region", { name: "Column 1" })).toBeVisible() },
  { path: "/datasets", role: "editor", ready: (p) => expect(p.getByRole("table", { name: "Datasets" })).toBeVisible() },
  { path: "/evaluations", role: "editor", ready: (p) => expect(p.getByRole("table", { name: "Evaluations" })).toBeVisible() },
  { path: "/review", role: "admin", ready: (p) => expect(p.getByRole("heading", { name: "Review", level: 1 })).toBeVisible() },
  { path: "/dashboard", role: "viewer", ready: (p) => expect(p.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible() },
  { path: "/settings/members", role: "admin", ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
  { path: "/settings/audit", role: "admin", ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
];

test("no other main page scrolls sideways on a phone", async ({ pageAs }) => {
  test.slow();
  const pages = new Map<DemoRole, Page>();
  // A long prompt name is in every prompt picker (the playground's sits in its page header): it must not widen it.
  const admin = await phoneAs(pageAs, "admin");
  const longName = `e2e/phone-${Date.now()}/customer-support/escalations/angry-customer-reply-with-refund-offer-and-apology`;
  const form = new FormData();
  const yaml = `name: ${longName}\ntype: text\nversions:\n  - version: 1\n    message: First\n    author: null\n    createdAt: "2026-11-22T02:37:00.000Z"\n    template: "Hi {{name}}"\n`;
  form.append("files", new Blob([yaml], { type: "application/yaml" }), "long.yaml");
  expect((await admin.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: form })).status()).toBe(200);
  for (const main of MAIN_PAGES) {
    if (!pages.has(main.role)) pages.set(main.role, await phoneAs(pageAs, main.role));
    const page = pages.get(main.role)!;
    await page.goto(main.path);
    await main.ready(page);
    await expectNoSidewaysScroll(page);
  }
});

test.describe("from 768 px", () => {
  test("the sidebar is shown and there is no Menu button", async ({ pageAs }) => {
    const page = await phoneAs(pageAs, "viewer", { width: 768, height: 900 });
    await page.goto("/prompts");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Prompts", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  });
});
