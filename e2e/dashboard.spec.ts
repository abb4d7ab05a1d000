import { expect, test } from "./support/test";

test.describe("the dashboard", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`fits a 1440 px window without scrolling sideways (${theme})`, async ({ pageAs }) => {
      const page = await pageAs("lead");
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/dashboard?range=all");
      await expect(page.getByRole("figure", { name: "Pass rate over time" }).locator("svg").first()).toBeVisible();
      // The charts' hidden data tables are in the page (screen readers read them) but take no width.
      await expect(page.getByRole("table", { name: "Pass rate per run" })).toHaveCount(1);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    });
  }

  test("filters apply as soon as they change, and the URL keeps them", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/dashboard");
    await page.getByRole("combobox", { name: "Time range" }).selectOption({ label: "All time" });
    await expect(page).toHaveURL(/range=all/);
    await expect(page.getByRole("combobox", { name: "Time range" })).toHaveValue("all");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Time range" })).toHaveValue("all");
  });
});
