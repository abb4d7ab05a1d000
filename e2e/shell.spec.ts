import { StudioShell } from "./pages/studio-shell";
import { expect, test } from "./support/test";

const NAV = ["Prompts", "Playground", "Datasets", "Evaluations", "Review", "Dashboard", "Approvals", "Settings"];

test("the navigation landmark has every section, each page says honestly what is there", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/prompts");
  const nav = new StudioShell(page).nav();
  for (const name of NAV) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();

  await expect(page.getByRole("table", { name: "Prompts" }).getByText("support/triage")).toBeVisible();
  await nav.getByRole("link", { name: "Evaluations" }).click();
  // The demo seed runs two evaluations, so the page lists them.
  await expect(page.getByRole("table", { name: "Evaluations" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Evaluations" })).toHaveAttribute("aria-current", "page");
});

test("the workspace switcher changes what is shown", async ({ pageAs }) => {
  const page = await pageAs("admin");
  const shell = new StudioShell(page);
  await page.goto("/prompts");
  await expect(page.getByText("support/triage")).toBeVisible();
  await shell.switchWorkspace("Sandbox");
  await expect(page.getByRole("heading", { name: "Prompts", exact: true })).toBeVisible();
  await expect(page.getByText("support/triage")).toHaveCount(0);
  await shell.switchWorkspace("Demo");
  await expect(page.getByText("support/triage")).toBeVisible();
});

test("dark mode can be chosen and sticks across pages", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await page.goto("/prompts");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.goto("/dashboard");
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("a banner says demo accounts are active", async ({ pageAs }) => {
  const page = await pageAs("reviewer");
  await page.goto("/review");
  await expect(page.getByRole("status").filter({ hasText: "Demo accounts are active" })).toBeVisible();
});

test("health reports the database and the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok", version: expect.any(String) });
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("an unknown address answers 404 inside the app shell, with the navigation still there", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  const response = await page.goto("/no-such-page/anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(new StudioShell(page).nav().getByRole("link", { name: "Prompts", exact: true })).toBeVisible();
});

test("the studio has a favicon", async ({ pageAs, request }) => {
  const page = await pageAs("viewer");
  await page.goto("/prompts");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
});

test("editor assets come from a versioned path and are cached immutably", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const loader = page.waitForResponse((r) => /\/monaco\/\d+\.\d+\.\d+\/vs\/loader\.js/.test(r.url()));
  await page.goto("/prompts/support/triage");
  const response = await loader;
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});
