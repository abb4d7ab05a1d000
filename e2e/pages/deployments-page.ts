import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The Deployments tab of a prompt, as its users see it. */
export class DeploymentsPage {
  constructor(private readonly page: Page) {}

  async promote({ version, environment, comment = "" }: { version: number; environment: string; comment?: string }) {
    await this.page.getByRole("button", { name: "Promote" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Promote a version" });
    await dialog.getByRole("combobox", { name: "Version" }).selectOption(String(version));
    const environments = dialog.getByRole("combobox", { name: "Environment" });
    const option = environments.locator("option").filter({ hasText: new RegExp(`^${environment}\\b`) });
    await environments.selectOption((await option.getAttribute("value"))!);
    await dialog.getByRole("textbox", { name: "Comment" }).fill(comment);
    return dialog;
  }

  environmentRow(name: string) {
    return this.page.getByRole("table", { name: "Environments" }).getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async expectServes(environment: string, version: number) {
    await expect(this.environmentRow(environment).getByRole("cell").nth(1)).toHaveText(`v${version}`);
  }

  /** The environment's "Roll back" button; its name says the target ("Roll back Production to v1"). */
  rollbackButton(environment: string) {
    return this.page.getByRole("button", { name: new RegExp(`^Roll back ${environment}\\b`) });
  }

  /** Opens the rollback dialog, which names the target and diffs it against what is served. */
  async openRollback(environment: string) {
    await this.rollbackButton(environment).click();
    const dialog = this.page.getByRole("dialog", { name: `Roll back ${environment}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Row `index` (0 = newest) of the deployment history table. */
  historyRow(index: number) {
    return this.page.getByRole("table", { name: "Deployment history" }).getByRole("row").nth(index + 1);
  }
}

/** Creates an API key as the page's (admin) user and returns its secret, read from the one-time dialog. */
export async function createApiKey(page: Page, { name, scope = "read" }: { name: string; scope?: "read" | "read-write" }) {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByRole("textbox", { name: "Key name" }).fill(name);
  await dialog.getByRole("combobox", { name: "Scope" }).selectOption(scope);
  await dialog.getByRole("button", { name: "Create" }).click();
  const secret = page.getByRole("textbox", { name: "API key secret" });
  await expect(secret).toHaveValue(/^pos_/);
  const value = await secret.inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  return value;
}

/**
 * Saves versions through the delivery API with a read-write key: quicker than typing into Monaco, for specs whose
 * subject is what happens to versions afterwards (the editor's own journey is in prompts.spec.ts).
 */
export async function addVersionsByApi(
  request: APIRequestContext,
  { secret, name, versions }: { secret: string; name: string; versions: { template: string; commitMessage: string; modelConfig?: Record<string, unknown> }[] },
) {
  for (const version of versions) {
    const response = await request.post(`/api/v1/prompts/${encodeURIComponent(name)}/versions`, {
      headers: { authorization: `Bearer ${secret}` },
      data: version,
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}
