import { StudioShell } from "./pages/studio-shell";
import { SETUP_URL } from "./support/env";
import { formAlert } from "./support/form-alert";
import { expect, test } from "./support/test";

test("first run on an empty database creates the first admin and signs them in", async ({ page }) => {
  await page.goto(`${SETUP_URL}/`);
  await expect(page).toHaveURL(`${SETUP_URL}/setup`);
  await expect(page.getByRole("heading", { name: "Set up the studio" })).toBeVisible();

  await page.getByRole("textbox", { name: "Workspace name" }).fill("Acme AI");
  await page.getByRole("textbox", { name: "Your name" }).fill("Fran First");
  await page.getByRole("textbox", { name: "Email" }).fill("fran@acme.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(formAlert(page)).toContainText("at least 10 characters");

  await page.getByLabel("Password").fill("a-proper-long-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await page.waitForURL(`${SETUP_URL}/prompts`);
  await new StudioShell(page).expectSignedInAs("Fran First");
  await expect(page.getByRole("combobox", { name: "Workspace" })).toHaveValue(/.+/);
  await expect(page.getByRole("option", { name: "Acme AI" })).toBeAttached();
  await expect(page.getByText("No prompts yet")).toBeVisible();

  // Setup is a one-time door: once someone exists it sends people to sign in.
  await page.context().clearCookies();
  await page.goto(`${SETUP_URL}/setup`);
  await expect(page).toHaveURL(`${SETUP_URL}/login`);
});
