import type { Browser, BrowserContext, Page } from "@playwright/test";
import { LoginPage } from "../pages/login-page";
import { expect } from "./test";

/**
 * Signs someone in through the login form in a browser context of their own, and waits for the page they land on.
 * For people a test creates, disables or signs out: the demo roles' shared sessions (pageAs) must stay live.
 */
export async function signInInNewContext(
  browser: Browser,
  { email, password, landing }: { email: string; password: string; landing: RegExp },
): Promise<{ context: BrowserContext; page: Page; login: LoginPage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await page.waitForURL(landing);
  return { context, page, login };
}

/** Expects `page` to have no live session: opening /prompts sends it to sign in. */
export async function expectSentToSignIn(page: Page) {
  await page.goto("/prompts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprompts$/);
}

/** Expects a copy of the cookies taken earlier (`storageState`) to be signed out as well: the server revoked the session. */
export async function expectCookiesRevoked(browser: Browser, storageState: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const replay = await browser.newContext({ storageState });
  try {
    await expectSentToSignIn(await replay.newPage());
  } finally {
    await replay.close();
  }
}
