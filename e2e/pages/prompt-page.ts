import { expect, type Page } from "@playwright/test";
import { EDITOR_MOUNT_TIMEOUT } from "../support/env";

export class PromptPage {
  constructor(readonly page: Page) {}

  async create({ name, type = "text" }: { name: string; type?: "text" | "chat" }) {
    await this.page.goto("/prompts");
    await this.page.getByRole("button", { name: "New prompt" }).click();
    const dialog = this.page.getByRole("dialog", { name: "New prompt" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("combobox", { name: "Type" }).selectOption(type);
    await dialog.getByRole("button", { name: "Create" }).click();
    await this.page.waitForURL(`**/prompts/${name}`);
  }

  /** Creates a text prompt and saves `template` as its v1 with the commit message `message`. */
  async createWithVersion({ name, template, message = "v1" }: { name: string; template: string; message?: string }) {
    await this.create({ name });
    await this.fillEditor(template);
    await this.save(message);
    await expect(this.page.getByText("Saved v1")).toBeVisible();
  }

  editor(name = "Prompt template") {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  /** Replaces the editor's text. insertText bypasses Monaco's auto-closing of "{{", which typing would trigger. */
  async fillEditor(text: string, name = "Prompt template") {
    const box = this.editor(name);
    await expect(box).toBeAttached({ timeout: EDITOR_MOUNT_TIMEOUT });
    await box.focus();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(text);
  }

  /**
   * Replaces the editor's text the way a person brings in a long template: select all, paste. Monaco applies a paste
   * as one edit, where insertText of a long text is typed through its per-character handling (minutes for 1 MiB).
   */
  async pasteIntoEditor(text: string, name = "Prompt template") {
    const box = this.editor(name);
    await expect(box).toBeAttached({ timeout: EDITOR_MOUNT_TIMEOUT });
    await box.focus();
    await this.page.keyboard.press("ControlOrMeta+A");
    await box.evaluate((textarea, pasted) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", pasted);
      textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
    }, text);
  }

  async save(message: string, { shortcut = false } = {}) {
    if (shortcut) await this.page.keyboard.press("ControlOrMeta+S");
    else await this.page.getByRole("button", { name: "Save", exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: /^Save v\d+/ });
    await dialog.getByRole("textbox", { name: "Commit message" }).fill(message);
    await dialog.getByRole("button", { name: "Save version" }).click();
  }

  async openTab(name: "Editor" | "History" | "Deployments" | "Playground") {
    await this.page.getByRole("navigation", { name: "Prompt views" }).getByRole("link", { name }).click();
  }

  /** The footer under the editor listing the prompt's variables, its partials' included. */
  variables() {
    return this.page.getByTestId("variables");
  }

  /** Monaco's error underlines in one editor. */
  errorMarkers(name = "Prompt template") {
    return this.page.locator(`[data-template-editor="${name}"] .squiggly-error`);
  }

  versions() {
    return this.page.getByRole("list", { name: "Versions" });
  }
}
