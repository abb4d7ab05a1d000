import { LoginPage } from "./pages/login-page";
import { MembersPage } from "./pages/members-page";
import { readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

test("disabling a member ends their sessions for good: enabling them again does not bring an old cookie back", async ({ pageAs, browser }) => {
  test.slow(); // two people, three sign-ins and four member changes on a loaded CI machine
  const admin = await pageAs("admin");
  const members = new MembersPage(admin);
  const email = `returning-${Date.now()}@example.com`;
  const password = "a-long-initial-password";
  await members.goto();
  await members.invite({ email, name: "Remy Returning", role: "editor", password });

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const login = new LoginPage(member);
  await login.goto();
  await login.signIn(email, password);
  await member.waitForURL(/\/prompts$/);
  const oldCookies = await memberContext.storageState();

  await members.disable(email);
  await members.enable(email);

  // What was stored: every session of the member was revoked when they were disabled.
  const live = readStudioDb((db) =>
    db.prepare("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.revoked_at IS NULL").pluck().get(email),
  );
  expect(live).toBe(0);

  // The browser that was signed in before, and a copy of its cookie, are both signed out.
  await member.goto("/prompts");
  await expect(member).toHaveURL(/\/login\?callbackUrl=%2Fprompts$/);
  const replay = await browser.newContext({ storageState: oldCookies });
  const replayPage = await replay.newPage();
  await replayPage.goto("/prompts");
  await expect(replayPage).toHaveURL(/\/login\?callbackUrl=%2Fprompts$/);

  // A fresh sign-in works again.
  await login.signIn(email, password);
  await member.waitForURL(/\/prompts$/);
  await replay.close();
  await memberContext.close();
});
