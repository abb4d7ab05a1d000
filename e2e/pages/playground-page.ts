import { expect, type Page } from "@playwright/test";
import { FIXTURE_LLM_URL, authFile } from "../support/env";

/** The playground (a prompt's Playground tab or /playground), as its users see it. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  column(n: number) {
    return this.page.getByRole("region", { name: `Column ${n}`, exact: true });
  }

  output(n: number) {
    return this.column(n).getByRole("region", { name: "Output" });
  }

  status(n: number) {
    return this.column(n).getByRole("status", { name: `Column ${n} status` });
  }

  stat(n: number, name: "ttft" | "latency" | "tokens" | "cost" | "finish") {
    return this.column(n).getByTestId(`stat-${name}`);
  }

  async chooseModel(n: number, modelId: string) {
    await this.column(n).getByRole("combobox", { name: "Model" }).selectOption(modelId);
  }

  async chooseVersion(n: number, label: string | RegExp) {
    const select = this.column(n).getByRole("combobox", { name: "Version" });
    const value = await select.locator("option").filter({ hasText: label }).first().getAttribute("value");
    await select.selectOption(value!);
  }

  variable(name: string) {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  runButton() {
    return this.page.getByRole("button", { name: "Run", exact: true });
  }

  stopButton() {
    return this.page.getByRole("button", { name: "Stop", exact: true });
  }

  async addColumn() {
    await this.page.getByRole("button", { name: "Add column" }).click();
  }

  history() {
    return this.page.getByRole("table", { name: "Run history" });
  }
}

export const PLAYGROUND_PROVIDER = { id: "pgfx", label: "Playground fixture", models: ["echo", "slow", "fail-500", "fail-429"] };

/**
 * The playground specs run as the admin in the Sandbox workspace: its fixture provider would otherwise become the
 * Demo workspace's default model, which other specs expect to be the offline model.
 */
export async function switchToSandbox(page: Page) {
  await page.goto("/prompts");
  await page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Sandbox" });
  await expect(page.getByText("Switched to Sandbox")).toBeVisible();
}

/**
 * Points a Sandbox provider at the fixture LLM server, through Settings like an admin would. Saving the same id
 * again updates it, so every spec file can call this.
 */
export async function addFixtureProvider(browser: import("@playwright/test").Browser) {
  const context = await browser.newContext({ storageState: authFile("admin") });
  const page = await context.newPage();
  await switchToSandbox(page);
  await page.goto("/settings/providers");
  await page.getByRole("combobox", { name: "Kind" }).selectOption("openai-compatible");
  await page.getByRole("textbox", { name: "Id" }).fill(PLAYGROUND_PROVIDER.id);
  await page.getByRole("textbox", { name: "Display name" }).fill(PLAYGROUND_PROVIDER.label);
  await page.getByRole("textbox", { name: "Base URL" }).fill(FIXTURE_LLM_URL);
  await page.getByRole("textbox", { name: "Models" }).fill(PLAYGROUND_PROVIDER.models.join(", "));
  await page.getByRole("button", { name: "Save provider" }).click();
  await expect(page.getByText(`Saved provider ${PLAYGROUND_PROVIDER.id}`)).toBeVisible();
  await context.close();
}
