import { PromptPage } from "./pages/prompt-page";
import { EDITOR_MOUNT_TIMEOUT, STUDIO_URL } from "./support/env";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("prompt registry", () => {
  test("create, save v1 and v2, compare them, restore v1 as v3", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    const name = `e2e/${unique("greeting")}`;
    await prompts.create({ name });
    await expect(page.getByText("No versions yet: saving creates v1")).toBeVisible();

    await prompts.fillEditor("Hello {{name}}, welcome to {{product}}.");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    await expect(page.locator("code", { hasText: "product" })).toBeVisible();
    await prompts.save("First greeting");
    await expect(page.getByText("Saved v1")).toBeVisible();
    await expect(page.getByText("Editing from v1")).toBeVisible();

    await prompts.fillEditor("Hi {{name}}, welcome aboard {{product}}!");
    await prompts.save("Friendlier greeting", { shortcut: true });
    await expect(page.getByText("Saved v2")).toBeVisible();

    await prompts.openTab("History");
    await expect(prompts.versions().getByText("v1", { exact: true })).toBeVisible();
    await expect(prompts.versions().getByText("Friendlier greeting")).toBeVisible();
    await page.getByRole("checkbox", { name: "Select v1" }).check();
    await page.getByRole("checkbox", { name: "Select v2" }).check();
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/compare=1\.\.2/);
    const diff = page.getByRole("region", { name: "Diff" });
    await expect(diff.getByTestId("diff-summary")).toHaveText("+1 −1 lines");
    await expect(diff.locator("del")).toContainText("Hello");
    await expect(diff.locator("ins")).toContainText("Hi");
    await expect(diff.locator("ins")).toContainText("aboard");

    // The diff URL is shareable: a fresh load shows the same comparison.
    await page.reload();
    await expect(page.getByRole("region", { name: "Diff" }).locator("del")).toContainText("Hello");

    await page.getByRole("button", { name: "Restore v1" }).click();
    await page.getByRole("dialog", { name: "Restore v1" }).getByRole("button", { name: "Restore as v3" }).click();
    await expect(page.getByText("Restored v1 as v3")).toBeVisible();
    await expect(prompts.versions().getByText("Restore v1")).toBeVisible();
  });

  test("saving identical content creates nothing and says so", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    await prompts.createWithVersion({ name: unique("same"), template: "Unchanging {{text}}" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Nothing to save: identical to v1.")).toBeVisible();
  });

  test("a template error is marked and blocks saving", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    await prompts.create({ name: unique("broken") });
    await prompts.fillEditor("Line one\n{{#items}} never closed");
    await expect(page.getByText("1 template error")).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Fix the template errors marked in the editor before saving.")).toBeVisible();
  });

  test("a conflicting save shows the conflict dialog and can be rebased", async ({ pageAs }) => {
    const editor = await pageAs("editor");
    const lead = await pageAs("lead");
    const mine = new PromptPage(editor);
    const theirs = new PromptPage(lead);
    const name = unique("contested");
    await mine.createWithVersion({ name, template: "Base {{x}}", message: "base" });

    await lead.goto(`/prompts/${name}`);
    await theirs.fillEditor("Their change {{x}}");
    await theirs.save("lead's edit");
    await expect(lead.getByText("Saved v2")).toBeVisible();

    await mine.fillEditor("My change {{x}}");
    await mine.save("my edit");
    const conflict = editor.getByRole("dialog", { name: "Someone saved a newer version" });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole("region", { name: "Diff" }).locator("del")).toContainText("Their");
    await expect(conflict.getByRole("region", { name: "Diff" }).locator("ins")).toContainText("My");
    await conflict.getByRole("button", { name: "Rebase my draft on v2" }).click();
    const save = editor.getByRole("dialog", { name: "Save v3" });
    await save.getByRole("textbox", { name: "Commit message" }).fill("my edit, rebased");
    await save.getByRole("button", { name: "Save version" }).click();
    await expect(editor.getByText("Saved v3")).toBeVisible();
  });

  test("a chat prompt edits messages by role", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    await prompts.create({ name: unique("chat"), type: "chat" });
    await prompts.fillEditor("You are a helpful assistant for {{company}}.", "System message");
    await prompts.fillEditor("{{question}}", "User message");
    await page.getByRole("button", { name: "Add message" }).click();
    await page.getByRole("button", { name: "Remove message 3" }).click();
    await prompts.save("chat v1");
    await expect(page.getByText("Saved v1")).toBeVisible();
    await expect(page.locator("code", { hasText: "company" })).toBeVisible();
    await expect(page.locator("code", { hasText: "question" })).toBeVisible();
  });

  test("search, folders and tags narrow the list", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/prompts");
    await page.getByRole("searchbox", { name: "Search prompts" }).fill("tagline");
    await expect(page).toHaveURL(/q=tagline/);
    const table = page.getByRole("table", { name: "Prompts" });
    await expect(table.getByRole("link", { name: "marketing/tagline" })).toBeVisible();
    await expect(table.getByRole("link", { name: "support/triage" })).toHaveCount(0);
    await page.goto("/prompts");
    await page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: /^support\// }).click();
    await expect(table.getByRole("link", { name: "support/triage" })).toBeVisible();
    await expect(table.getByRole("link", { name: "marketing/tagline" })).toHaveCount(0);
  });
});

test("description and tags are edited without creating a version, and tagged prompts show in the list", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const prompts = new PromptPage(page);
  const name = `e2e/${unique("details")}`;
  await prompts.create({ name });
  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit details" });
  await dialog.getByRole("textbox", { name: "Description" }).fill("Routes tickets to the right queue");
  await dialog.getByRole("textbox", { name: "Tags" }).fill("routing, e2e-details");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Saved the description and tags")).toBeVisible();
  await expect(page.getByText("Routes tickets to the right queue")).toBeVisible();
  await expect(page.getByText("no versions yet", { exact: true })).toBeVisible();
  await page.goto("/prompts?q=e2e-details");
  await expect(page.getByRole("table", { name: "Prompts" }).getByRole("link", { name })).toBeVisible();
});

test.describe("prompt permissions", () => {
  test("a viewer reads a prompt but cannot save, and the server refuses their writes", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/prompts/support/triage");
    await expect(page.getByText("Read-only: your role cannot edit prompts")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New prompt" })).toHaveCount(0);
    await expect(new PromptPage(page).editor("System message")).toBeAttached({ timeout: EDITOR_MOUNT_TIMEOUT });

    const response = await page.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: { files: { name: "x.yaml", mimeType: "application/yaml", buffer: Buffer.from("name: x") } } });
    expect(response.status()).toBe(403);
  });

  test("another workspace's prompt is not found", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/prompts");
    await page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Sandbox" });
    await expect(page.getByText("Switched to Sandbox")).toBeVisible();
    const response = await page.goto("/prompts/support/triage");
    expect(response?.status()).toBe(404);
    const exported = await page.request.get("/api/prompts/export?name=support/triage");
    expect(exported.status()).toBe(404);
  });
});
