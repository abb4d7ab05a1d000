import { expect, type Page } from "@playwright/test";

export class MembersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/members");
    await expect(this.page.getByRole("table", { name: "Members" })).toBeVisible();
  }

  row(email: string) {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  async invite({ email, name, role, password }: { email: string; name: string; role: string; password: string }) {
    await this.page.getByRole("button", { name: "Invite member" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Invite member" });
    await dialog.getByRole("textbox", { name: "Email" }).fill(email);
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("combobox", { name: "Role" }).selectOption(role);
    await dialog.getByLabel("Initial password").fill(password);
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(this.page.getByText(`Added ${email}`)).toBeVisible();
    await expect(this.row(email)).toBeVisible();
  }

  /** Opens the page and invites someone new, under a unique address starting with `prefix`; returns how they sign in. */
  async inviteNew({ prefix, name, role, password = "a-long-initial-password" }: { prefix: string; name: string; role: string; password?: string }) {
    const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}@example.com`;
    await this.goto();
    await this.invite({ email, name, role, password });
    return { email, password };
  }

  async changeRole(email: string, role: string) {
    await this.page.getByRole("combobox", { name: `Role of ${email}` }).selectOption(role);
    await expect(this.page.getByText(`${email} is now ${role}`)).toBeVisible();
  }

  async disable(email: string) {
    await this.page.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(this.page.getByText(`${email} disabled`)).toBeVisible();
  }

  async enable(email: string) {
    await this.page.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(this.page.getByText(`${email} enabled`)).toBeVisible();
  }
}
