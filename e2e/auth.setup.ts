import { test as setup } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { StudioShell } from "./pages/studio-shell";
import { DEMO_PASSWORD, DEMO_USERS, authFile, type DemoRole } from "./support/env";

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_USERS[role].email, DEMO_PASSWORD);
    await new StudioShell(page).expectSignedInAs(DEMO_USERS[role].name);
    await page.context().storageState({ path: authFile(role) });
  });
}
