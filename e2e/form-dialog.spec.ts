import { DatasetsPage } from "./pages/datasets-page";
import { expect, test } from "./support/test";

// Every dialog that holds a form is components/ui/form-dialog.tsx; these check its keyboard and error promises
// through two of them.

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test("a form dialog closes on Esc and hands focus back to its button; Enter submits; a refusal stays in the dialog", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const taken = unique("e2e-dialog");
  await new DatasetsPage(page).create(taken);

  await page.goto("/datasets");
  const opener = page.getByRole("button", { name: "New dataset" });
  const dialog = page.getByRole("dialog", { name: "New dataset" });
  const name = dialog.getByRole("textbox", { name: "Dataset name" });
  await opener.click();
  await expect(name).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await name.fill(taken);
  await name.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText(`A dataset named "${taken}" already exists in this workspace.`);
  await expect(name).toHaveValue(taken);

  // Cancel, then open again: the refusal belonged to the last attempt and is gone.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await opener.click();
  await expect(dialog.getByRole("alert")).toHaveCount(0);

  await name.fill(`${taken}-2`);
  await name.press("Enter");
  await expect(page.getByText(`Created dataset ${taken}-2`)).toBeVisible();
  await expect(page.getByRole("heading", { name: `${taken}-2`, level: 1 })).toBeVisible();
});

test("the new API key's secret opens as the form closes, and Done hands focus back to Create API key", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/settings/api-keys");
  const opener = page.getByRole("button", { name: "Create API key" });
  await opener.click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByRole("textbox", { name: "Key name" }).fill(unique("e2e-dialog-key"));
  await form.getByRole("textbox", { name: "Key name" }).press("Enter");

  const secret = page.getByRole("dialog", { name: "Copy your new key" });
  await expect(secret.getByRole("textbox", { name: "API key secret" })).toHaveValue(/^pos_/);
  await expect(form).toBeHidden();
  await secret.getByRole("button", { name: "Done" }).click();
  await expect(secret).toBeHidden();
  await expect(opener).toBeFocused();
});
