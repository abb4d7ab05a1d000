import { FIXTURE_LLM_URL } from "./support/env";
import { expect, test } from "./support/test";

test("an admin adds an OpenAI-compatible server, its key is never shown again, and a test call goes over HTTP", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/settings/providers");
  const table = page.getByRole("table", { name: "Model providers" });
  await expect(table.getByText("Offline demo model")).toBeVisible();
  await expect(page.getByTestId("default-model")).toHaveText("offline:demo");

  const secret = "fixture-secret-key-0123456789";
  await page.getByRole("combobox", { name: "Kind" }).selectOption("openai-compatible");
  await page.getByRole("textbox", { name: "Id" }).fill("fixture");
  await page.getByRole("textbox", { name: "Display name" }).fill("Fixture server");
  await page.getByRole("textbox", { name: "Base URL" }).fill(FIXTURE_LLM_URL);
  await page.getByLabel("API key").fill(secret);
  await page.getByRole("textbox", { name: "Models" }).fill("echo-1");
  await page.getByRole("button", { name: "Save provider" }).click();
  await expect(page.getByText("Saved provider fixture")).toBeVisible();

  const row = table.getByRole("row").filter({ hasText: "Fixture server" });
  await expect(row).toContainText("…6789");
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("button", { name: "Test Fixture server" }).click();
  await expect(page.getByText(/fixture:echo-1 answered in \d+ ms/)).toBeVisible();

  await page.getByRole("button", { name: "Test Offline demo model" }).click();
  await expect(page.getByText(/offline:demo answered in \d+ ms/)).toBeVisible();
});

test("a provider that fails shows a clear error, not a stack trace", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/settings/providers");
  await page.getByRole("combobox", { name: "Kind" }).selectOption("openai-compatible");
  await page.getByRole("textbox", { name: "Id" }).fill("flaky");
  await page.getByRole("textbox", { name: "Display name" }).fill("Flaky server");
  await page.getByRole("textbox", { name: "Base URL" }).fill(FIXTURE_LLM_URL);
  await page.getByRole("textbox", { name: "Models" }).fill("fail-429");
  await page.getByRole("button", { name: "Save provider" }).click();
  await expect(page.getByText("Saved provider flaky")).toBeVisible();
  await page.getByRole("button", { name: "Test Flaky server" }).click();
  await expect(page.getByText("Flaky server is rate-limiting requests (HTTP 429). Try again in 7 s.")).toBeVisible();
  await expect(page.getByText(/at Object|node_modules/)).toHaveCount(0);
});
