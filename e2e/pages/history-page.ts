import { expect, type Page } from "@playwright/test";

/** A prompt's History tab: the versions list, one version on its own, and the Restore dialog. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  versions() {
    return this.page.getByRole("list", { name: "Versions" });
  }

  /** The list item of `v<n>` (its link is named exactly "v<n>"). */
  versionItem(version: number) {
    return this.versions()
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name: `v${version}`, exact: true }) });
  }

  async openVersion(version: number) {
    await this.versions().getByRole("link", { name: `v${version}`, exact: true }).click();
    const view = this.page.getByRole("region", { name: `Version v${version}` });
    await expect(view).toBeVisible();
    return view;
  }

  async openRestore(version: number) {
    await this.page.getByRole("button", { name: `Restore v${version}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Restore v${version}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
