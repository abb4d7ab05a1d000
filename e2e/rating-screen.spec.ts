import { ReviewPage } from "./pages/review-page";
import { queueIdByName, storedRatings } from "./support/db";
import { DEMO_USERS } from "./support/env";
import { expect, test, type PageAs } from "./support/test";

// The rating screen's keys do exactly what its hints say, checked against what the database stored.

const REVIEWER = DEMO_USERS.reviewer.email;
const unique = (prefix: string) => `${prefix} ${Date.now()}-${Math.floor(Math.random() * 1000)}`;
const rubric = (criteria: Record<string, number>) => ({ value: { type: "rubric", criteria }, scores: criteria });

/** A new rubric queue of `limit` items of support/triage v2 for the demo reviewer, made by an editor and opened by the reviewer. */
async function openNewRubricQueue(pageAs: PageAs, { prefix, limit }: { prefix: string; limit: number }) {
  const name = unique(prefix);
  const queueId = await new ReviewPage(await pageAs("editor")).createQueue({ name, scheme: "Rubric (named criteria)", reviewers: ["reviewer"], prompt: "support/triage", version: "v2", limit });
  const page = await pageAs("reviewer");
  const review = new ReviewPage(page);
  await review.open(name);
  return { queueId, page, review };
}

test.describe("rating with the keyboard", () => {
  test("in the demo queue, 4 Tab 5 Tab Y Enter stores Accuracy 4, Tone 5 and Safe yes", async ({ pageAs }) => {
    const page = await pageAs("reviewer");
    const review = new ReviewPage(page);
    const queueId = queueIdByName("Triage spot check");
    expect(queueId).not.toBe("");
    const before = new Set(storedRatings(queueId, REVIEWER).map((r) => r.ratingId));

    await review.open("Triage spot check");
    const start = await review.position().textContent();
    for (const key of ["4", "Tab", "5", "Tab", "Y"]) await page.keyboard.press(key);
    await expect(review.criterion("Accuracy").getByRole("radio", { name: "4", exact: true })).toHaveAttribute("aria-checked", "true");
    await expect(review.criterion("Tone").getByRole("radio", { name: "5", exact: true })).toHaveAttribute("aria-checked", "true");
    await expect(review.criterion("Safe").getByRole("radio", { name: /^Yes/ })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Enter");
    await expect(review.position()).not.toHaveText(start!);
    await expect(page.getByText(/first\.$/)).toHaveCount(0);

    await expect.poll(() => storedRatings(queueId, REVIEWER).filter((r) => !before.has(r.ratingId))).toEqual([
      expect.objectContaining(rubric({ Accuracy: 4, Tone: 5, Safe: 1 })),
    ]);
  });

  test("Shift+Tab goes back a criterion, S skips, J and K move between items, and only what was rated is stored", async ({ pageAs }) => {
    // Two people and a queue built through the form: slow on a loaded CI machine.
    test.slow();
    const { queueId, page, review } = await openNewRubricQueue(pageAs, { prefix: "Rubric keys", limit: 3 });
    await expect(review.position()).toHaveText("1 of 3");
    // To the last criterion and back: Safe no, Tone 3, Accuracy 2.
    for (const key of ["Tab", "Tab", "n", "Shift+Tab", "3", "Shift+Tab", "2", "Enter"]) await page.keyboard.press(key);
    await expect(review.position()).toHaveText("2 of 3");

    await review.waitForItem();
    await page.keyboard.press("s");
    await expect(review.position()).toHaveText("3 of 3");
    await page.keyboard.press("k");
    await expect(review.position()).toHaveText("2 of 3");
    await page.keyboard.press("j");
    await expect(review.position()).toHaveText("3 of 3");

    await review.waitForItem();
    for (const key of ["5", "Tab", "1", "Tab", "y", "Enter"]) await page.keyboard.press(key);
    // Submitting the last item goes back to the one skipped.
    await expect(review.position()).toHaveText("2 of 3");
    await expect(review.progress()).toHaveAttribute("aria-valuenow", "2");

    await expect.poll(() => storedRatings(queueId, REVIEWER)).toEqual([
      expect.objectContaining({ position: 1, ...rubric({ Accuracy: 2, Tone: 3, Safe: 0 }) }),
      expect.objectContaining({ position: 3, ...rubric({ Accuracy: 5, Tone: 1, Safe: 1 }) }),
    ]);
  });

  test("? lists the keys; with single-key shortcuts turned off a digit scores nothing, and the choice survives a reload", async ({ pageAs }) => {
    // Two people, a queue built through the form and a reload: slow on a loaded CI machine.
    test.slow();
    const { queueId, page, review } = await openNewRubricQueue(pageAs, { prefix: "Shortcuts off", limit: 2 });

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    for (const key of ["1–5", "Y / N", "Tab", "Shift+Tab", "Enter", "S", "J", "K", "?"]) await expect(dialog.getByText(key, { exact: true })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    const toggle = dialog.getByRole("checkbox", { name: "Single-key shortcuts" });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    await review.waitForItem();
    await page.keyboard.press("4");
    await page.keyboard.press("s");
    await page.keyboard.press("?");
    await expect(dialog).toBeHidden();
    await expect(review.position()).toHaveText("1 of 2");
    await expect(review.criterion("Accuracy").getByRole("radio", { checked: true })).toHaveCount(0);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Rate “Accuracy” first.")).toBeVisible();
    expect(storedRatings(queueId, REVIEWER)).toEqual([]);

    // The radio groups still work without character keys: arrows choose, Tab moves on, Enter submits.
    for (const key of ["ArrowRight", "Tab", "ArrowRight", "Tab", "ArrowRight", "Enter"]) await page.keyboard.press(key);
    await expect(review.position()).toHaveText("2 of 2");
    await expect.poll(() => storedRatings(queueId, REVIEWER)).toEqual([expect.objectContaining({ position: 1, ...rubric({ Accuracy: 2, Tone: 2, Safe: 0 }) })]);

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(review.item()).toHaveAttribute("aria-busy", "false");
    await page.keyboard.press("4");
    await expect(review.criterion("Accuracy").getByRole("radio", { name: "4", exact: true })).toHaveAttribute("aria-checked", "true");
  });
});

test.describe("rating on a phone", () => {
  test("the item sits above the rating panel and nothing scrolls sideways", async ({ pageAs }) => {
    const page = await pageAs("reviewer");
    await page.setViewportSize({ width: 390, height: 844 });
    const review = new ReviewPage(page);
    await review.open("Triage spot check");
    const item = await review.item().boundingBox();
    const panel = await page.getByRole("region", { name: "Rating" }).boundingBox();
    expect(item && panel).toBeTruthy();
    expect(item!.y + item!.height).toBeLessThanOrEqual(panel!.y);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
