import { MembersPage } from "./pages/members-page";
import { StudioShell } from "./pages/studio-shell";
import { formAlert } from "./support/form-alert";
import { signInInNewContext } from "./support/sessions";
import { expect, test } from "./support/test";

test("a member replaces the initial password an admin gave them", async ({ pageAs, browser }) => {
  const members = new MembersPage(await pageAs("admin"));
  const { email } = await members.inviteNew({ prefix: "pw", name: "Pat Password", role: "reviewer", password: "initial-password-1" });

  const { context, page, login } = await signInInNewContext(browser, { email, password: "initial-password-1", landing: /\/review$/ });

  const shell = new StudioShell(page);
  await shell.userMenuButton().click();
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("brand-new-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(formAlert(page)).toHaveText("Your current password is not right.");

  await page.getByLabel("Current password").fill("initial-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();

  await shell.signOut();
  await login.signIn(email, "initial-password-1");
  await expect(login.errorAlert()).toHaveText("The email or password is wrong.");
  await login.signIn(email, "brand-new-password-2");
  await page.waitForURL(/\/review$/);
  await shell.expectSignedInAs("Pat Password");
  await context.close();
});
