import { LoginPage } from "./pages/login-page";
import { StudioShell } from "./pages/studio-shell";
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from "./support/env";
import { expectCookiesRevoked, expectSentToSignIn } from "./support/sessions";
import { expect, test } from "./support/test";

// Where each role lands (lib/home/landing.ts). Leads and admins land on Approvals only while a request waits for
// them, which other tests running meanwhile decide; lib/home/work-waiting.test.ts pins that rule down.
const LANDING: Record<DemoRole, RegExp> = {
  admin: /\/(approvals|prompts)$/,
  lead: /\/(approvals|prompts)$/,
  editor: /\/prompts$/,
  reviewer: /\/review$/,
  viewer: /\/prompts$/,
};

test.describe("sign-in", () => {
  for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
    test(`${role} signs in and sees their name`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(DEMO_USERS[role].email, DEMO_PASSWORD);
      await page.waitForURL(LANDING[role]);
      await new StudioShell(page).expectSignedInAs(DEMO_USERS[role].name);
      await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
    });
  }

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_USERS.editor.email, "not-the-password");
    await expect(login.errorAlert()).toHaveText("The email or password is wrong.");
    // Focus goes back to the password, selected, so the next attempt starts there.
    await expect(page.getByLabel("Password")).toBeFocused();
    expect(await page.getByLabel("Password").evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe("not-the-password".length);
    await expectSentToSignIn(page);
  });

  test("sign-in returns to the link that was opened", async ({ page }) => {
    await page.goto("/prompts/support/triage?tab=history");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await new LoginPage(page).signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
    await page.waitForURL(/\/prompts\/support\/triage\?tab=history$/);
    await new StudioShell(page).expectSignedInAs(DEMO_USERS.viewer.name);
  });

  test("sign-in never follows a callback to another site", async ({ page }) => {
    for (const target of ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await new LoginPage(page).signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname !== "/login");
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    }
  });

  test("an unknown email gets the same answer as a wrong password", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn("nobody-here@example.com", "whatever-password");
    await expect(login.errorAlert()).toHaveText("The email or password is wrong.");
  });

  test("repeated failures for one account are rate limited with 429", async ({ page }) => {
    const login = new LoginPage(page);
    const email = `locked-${Date.now()}@example.com`;
    await login.goto();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await login.signIn(email, `wrong-${attempt}`);
      await expect(login.errorAlert()).toHaveText("The email or password is wrong.");
    }
    const limited = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await login.signIn(email, "wrong-again");
    const response = await limited;
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(login.errorAlert()).toHaveText(/Too many failed sign-ins/);
  });

  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/settings/members");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fmembers$/);
  });
});

test.describe("sign-out", () => {
  test("ends the session, and the old session cookie stops working", async ({ page, browser }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_USERS.lead.email, DEMO_PASSWORD);
    await page.waitForURL(LANDING.lead);
    const stolen = await page.context().storageState();

    await new StudioShell(page).signOut();
    await expectSentToSignIn(page);

    // A copy of the cookie taken before sign-out must be dead too: the server revoked the session.
    await expectCookiesRevoked(browser, stolen);
  });
});
