import { expect, type Page } from "@playwright/test";

/** The Datasets pages, as an editor uses them. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  async create(name: string) {
    await this.page.goto("/datasets");
    await this.page.getByRole("button", { name: "New dataset" }).click();
    const dialog = this.page.getByRole("dialog", { name: "New dataset" });
    await dialog.getByRole("textbox", { name: "Dataset name" }).fill(name);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  /** Opens the import dialog and chooses a file; returns the dialog (now showing the preview or the error). */
  async chooseFile(fileName: string, content: string) {
    await this.page.getByRole("button", { name: "Import cases" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Import cases" });
    await dialog.getByLabel("File").setInputFiles({ name: fileName, mimeType: "text/plain", buffer: Buffer.from(content) });
    return dialog;
  }

  /** Imports a file with the suggested mapping. */
  async importFile(fileName: string, content: string, rows: number) {
    const dialog = await this.chooseFile(fileName, content);
    await dialog.getByRole("button", { name: `Import ${rows} cases` }).click();
    await expect(this.page.getByText(`Imported ${rows} cases`)).toBeVisible();
  }
}
