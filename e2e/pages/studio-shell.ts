import { expect, type Page } from "@playwright/test";

export class StudioShell {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  userMenuButton() {
    return this.page.getByRole("button", { name: /^User menu for/ });
  }

  async expectSignedInAs(name: string) {
    await expect(this.userMenuButton()).toHaveAccessibleName(`User menu for ${name}`);
    await expect(this.page.getByTestId("user-name")).toHaveText(name);
  }

  async signOut() {
    await this.userMenuButton().click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/login/);
  }

  async switchWorkspace(name: string) {
    await this.page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: name });
    await expect(this.page.getByText(`Switched to ${name}`)).toBeVisible();
  }
}
