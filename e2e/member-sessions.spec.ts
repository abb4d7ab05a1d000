import { MembersPage } from "./pages/members-page";
import { expectCookiesRevoked, expectSentToSignIn, signInInNewContext } from "./support/sessions";
import { readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

test("disabling a member ends their sessions for good: enabling them again does not bring an old cookie back", async ({ pageAs, browser }) => {
  test.slow(); // two people, three sign-ins and four member changes on a loaded CI machine
  const members = new MembersPage(await pageAs("admin"));
  const { email, password } = await members.inviteNew({ prefix: "returning", name: "Remy Returning", role: "editor" });

  const { context: memberContext, page: member, login } = await signInInNewContext(browser, { email, password, landing: /\/prompts$/ });
  const oldCookies = await memberContext.storageState();

  await members.disable(email);
  await members.enable(email);

  // What was stored: every session of the member was revoked when they were disabled.
  const live = readStudioDb((db) =>
    db.prepare("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.revoked_at IS NULL").pluck().get(email),
  );
  expect(live).toBe(0);

  // The browser that was signed in before, and a copy of its cookie, are both signed out.
  await expectSentToSignIn(member);
  await expectCookiesRevoked(browser, oldCookies);

  // A fresh sign-in works again.
  await login.signIn(email, password);
  await member.waitForURL(/\/prompts$/);
  await memberContext.close();
});
