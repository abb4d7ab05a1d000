import { test as base, type BrowserContextOptions, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./env";

export type PageAs = (role: DemoRole, options?: BrowserContextOptions) => Promise<Page>;

/**
 * `pageAs("viewer")` opens a page already signed in as that demo role, from the sessions the "sign-in"
 * project saved. Tests that sign out or disable someone must sign in afresh instead, or they would
 * revoke the session other tests share.
 */
export const test = base.extend<{ pageAs: PageAs }>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role, options = {}) => {
      // Viewport and colour scheme are given here, at creation, rather than changed on the open page.
      const context = await browser.newContext({ ...options, storageState: authFile(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect } from "@playwright/test";
