import { MembersPage } from "./pages/members-page";
import { expectSentToSignIn, signInInNewContext } from "./support/sessions";
import { expect, test } from "./support/test";

test.describe("roles", () => {
  test("a viewer gets 403 on an admin-only page", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    const response = await page.goto("/settings/providers");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });

  test("an admin reaches the same page", async ({ pageAs }) => {
    const page = await pageAs("admin");
    const response = await page.goto("/settings/providers");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("table", { name: "Model providers" })).toBeVisible();
  });

  test("a viewer sees members but no controls to change them", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await new MembersPage(page).goto();
    await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: /^Role of/ })).toHaveCount(0);
  });

  test("settings shows each role only the sections it may use", async ({ pageAs }) => {
    const lead = await pageAs("lead");
    await lead.goto("/settings/members");
    const nav = lead.getByRole("navigation", { name: "Settings" });
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "API keys" })).toHaveCount(0);
  });
});

test.describe("members", () => {
  test("an admin invites a member; role changes and disabling take effect on the member's next request", async ({ pageAs, browser }) => {
    const admin = await pageAs("admin");
    const members = new MembersPage(admin);
    const { email, password } = await members.inviteNew({ prefix: "new", name: "Nina New", role: "viewer" });

    const { context: memberContext, page: member, login } = await signInInNewContext(browser, { email, password, landing: /\/prompts$/ });
    expect((await member.goto("/settings/providers"))?.status()).toBe(403);

    await members.changeRole(email, "admin");
    expect((await member.goto("/settings/providers"))?.status()).toBe(200);

    await members.disable(email);
    await expectSentToSignIn(member);
    await login.signIn(email, password);
    await expect(login.errorAlert()).toHaveText(/This account is disabled/);

    await admin.goto("/settings/audit");
    const audit = admin.getByRole("table", { name: "Audit log" });
    await expect(audit.getByRole("row").filter({ hasText: "member.disabled" }).filter({ hasText: email })).toBeVisible();
    await expect(audit.getByRole("row").filter({ hasText: "member.role_changed" }).filter({ hasText: email })).toBeVisible();
    await memberContext.close();
  });

  test("inviting an existing member is refused with a clear message", async ({ pageAs }) => {
    const admin = await pageAs("admin");
    const members = new MembersPage(admin);
    await members.goto();
    await admin.getByRole("button", { name: "Invite member" }).click();
    const dialog = admin.getByRole("dialog", { name: "Invite member" });
    await dialog.getByRole("textbox", { name: "Email" }).fill("editor@example.com");
    await dialog.getByRole("textbox", { name: "Name" }).fill("Eddie again");
    await dialog.getByLabel("Initial password").fill("whatever-password");
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("editor@example.com is already a member of this workspace.");
  });
});
