import type { Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { PlaygroundPage } from "./pages/playground-page";
import { PromptPage } from "./pages/prompt-page";
import { StudioShell } from "./pages/studio-shell";
import { DEMO_PASSWORD, DEMO_USERS } from "./support/env";
import { readStudioDb } from "./support/studio-http";
import { expect, test } from "./support/test";

// The pages in Chromium under the studio's Content-Security-Policy (lib/platform/http/csp.ts), and the save path at the
// documented template limit (issue 13, items 4 and 12).

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** Every CSP violation and every Monaco worker fallback the page reports, from the first script on. */
async function watchForViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to (load|execute|apply|create|connect)|Could not create web worker/i.test(text)) seen.push(text);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

test("the editor, its diff, the playground and the charts work under the CSP with no violation", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const violations = await watchForViolations(page);
  const prompts = new PromptPage(page);

  const name = `e2e/${unique("csp")}`;
  await prompts.create({ name });
  await prompts.fillEditor("Hello {{name}}.");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("Hello");
  await prompts.save("First");
  await expect(page.getByText("Saved v1")).toBeVisible();
  await prompts.fillEditor("Hello {{name}}, again.");
  await prompts.save("Second");
  await expect(page.getByText("Saved v2")).toBeVisible();

  // The diff editor computes in a Monaco web worker.
  await prompts.openTab("History");
  await page.getByRole("checkbox", { name: "Select v1" }).check();
  await page.getByRole("checkbox", { name: "Select v2" }).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("region", { name: "Diff" })).toContainText("again");

  await page.goto("/prompts/support/triage?tab=playground");
  const playground = new PlaygroundPage(page);
  await playground.chooseModel(1, "offline:demo");
  for (const variable of ["product", "customer_name", "ticket_body"]) await playground.variable(variable).fill("CSP check");
  await playground.runButton().click();
  await expect(playground.status(1)).toHaveText("Done", { timeout: 15_000 });
  await expect(playground.output(1)).not.toBeEmpty();

  await page.goto("/dashboard?range=all");
  await expect(page.getByRole("figure", { name: "Pass rate over time" }).locator("svg").first()).toBeVisible();

  expect(violations).toEqual([]);
});

test("a template at the documented 1 MiB limit saves, and is stored whole", async ({ pageAs }) => {
  test.setTimeout(120_000);
  const page = await pageAs("editor");
  const prompts = new PromptPage(page);
  const name = `e2e/${unique("one-mib")}`;
  await prompts.create({ name });
  // 1,048,576 characters, with the quotes and line breaks that JSON escaping lengthens: over Next's default
  // 1 MB server-action body, within the studio's limit.
  const line = `${'"quoted" text, '.repeat(68)}end\n`; // 1,024 characters
  const template = line.repeat(1024);
  expect(template.length).toBe(1_048_576);
  // Pasted in a browser that says it runs Windows (Playwright's "Desktop Chrome"), where Monaco would otherwise turn
  // every "\n" into "\r\n": the template is stored with the line endings it was written with.
  await prompts.pasteIntoEditor(template);
  await expect(page.getByTestId("token-count")).toContainText("349,184");
  await prompts.save("At the limit");
  await expect(page.getByText("Saved v1")).toBeVisible({ timeout: 60_000 });

  const stored = readStudioDb((db) =>
    db.prepare("select v.template from prompt_versions v join prompts p on p.id = v.prompt_id where p.name = ? and v.version = 1").get(name),
  ) as { template: string };
  expect(stored.template.length).toBe(1_048_576);
  expect(stored.template === template).toBe(true);
});

test("an action from a page whose session has ended sends the browser to sign in, and changes nothing", async ({ page, browser }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_USERS.editor.email, DEMO_PASSWORD);
  await page.waitForURL(/\/prompts$/);
  // The same session signs out in another window: the server revokes it while this page is still open.
  const elsewhere = await browser.newContext({ storageState: await page.context().storageState() });
  const other = await elsewhere.newPage();
  await other.goto("/prompts");
  await new StudioShell(other).signOut();
  await elsewhere.close();

  const name = unique("after-sign-out");
  await page.getByRole("button", { name: "New prompt" }).click();
  const dialog = page.getByRole("dialog", { name: "New prompt" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(readStudioDb((db) => db.prepare("select count(*) as n from prompts where name = ?").get(name))).toEqual({ n: 0 });
});
