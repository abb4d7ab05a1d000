import { MembersPage } from "./pages/members-page";
import { ReviewPage } from "./pages/review-page";
import { StudioShell } from "./pages/studio-shell";
import { signInInNewContext } from "./support/sessions";
import { expect, test } from "./support/test";

// Who waits on whom: a reviewer lands where their work is and the Review badge counts what still needs them.
// A reviewer of their own, so no other test's queue changes the count.

test("a new reviewer lands on Review, whose badge counts their unrated items and drops after each rating", async ({ pageAs, browser }) => {
  // Three people (one invited, then signing in) and a queue built through the form: slow on a loaded CI machine.
  test.slow();
  const { email, password } = await new MembersPage(await pageAs("admin")).inviteNew({ prefix: "rater", name: "Rae Rater", role: "reviewer" });
  const editor = await pageAs("editor");
  const name = `Badge queue ${Date.now()}`;
  await new ReviewPage(editor).createQueue({ name, scheme: "1–5 scale", reviewers: [], reviewerEmails: [email], prompt: "support/triage", version: "v2", limit: 3 });

  const { context, page } = await signInInNewContext(browser, { email, password, landing: /\/review$/ });
  const reviewLink = new StudioShell(page).nav().getByRole("link", { name: "Review", exact: true });
  await expect(reviewLink).toHaveAccessibleDescription("3 waiting for you");
  await page.goto("/");
  await expect(page).toHaveURL(/\/review$/);

  const review = new ReviewPage(page);
  await page.getByRole("link", { name: `Rate ${name}` }).click();
  await review.waitForItem();
  await page.keyboard.press("4");
  await page.keyboard.press("Enter");
  await expect(reviewLink).toHaveAccessibleDescription("2 waiting for you");
  // Still so after moving within the studio, without a reload.
  await page.getByRole("navigation", { name: "Queue links" }).getByRole("link", { name: "← Review" }).click();
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  await expect(reviewLink).toHaveAccessibleDescription("2 waiting for you");
  await context.close();
});
