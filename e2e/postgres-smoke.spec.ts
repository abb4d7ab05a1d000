// The smoke set on PostgreSQL (issue 16): the production build serving a studio whose database is a Postgres
// cluster, through the journeys a team depends on: sign in, save a version, promote it with an approval, run an
// evaluation, rate an item. Every step checks what Postgres stored, not only the screen. The full suite runs on
// SQLite; this one proves the same build and the same screens work on the second engine.
import type { Browser, Page } from "@playwright/test";
import { DeploymentsPage } from "./pages/deployments-page";
import { EvaluationsPage } from "./pages/evaluations-page";
import { LoginPage } from "./pages/login-page";
import { PromptPage } from "./pages/prompt-page";
import { ReviewPage } from "./pages/review-page";
import { StudioShell } from "./pages/studio-shell";
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from "./support/env";
import { queryPostgresStudio as query } from "./support/postgres-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** A fresh browser context signed in through the form, as `role`. */
async function signIn(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_USERS[role].email, DEMO_PASSWORD);
  await new StudioShell(page).expectSignedInAs(DEMO_USERS[role].name);
  return page;
}

test.describe("the studio on PostgreSQL", () => {
  test("sign in, save versions, promote with approval, run an evaluation and rate an item, all stored in Postgres", async ({ browser }) => {
    test.slow();
    const editor = await signIn(browser, "editor");
    const sessions = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.revoked_at IS NULL",
      DEMO_USERS.editor.email,
    );
    expect(sessions[0]!.n).toBeGreaterThanOrEqual(1);

    // Save two versions in the editor.
    const name = `pg/${unique("reply")}`;
    const prompts = new PromptPage(editor);
    await prompts.createWithVersion({ name, template: "Reply to {{customer}} politely.", message: "First reply" });
    await prompts.fillEditor("Reply to {{customer}} warmly.");
    await prompts.save("Warmer reply");
    await expect(editor.getByText("Saved v2")).toBeVisible();
    const versions = await query<{ version: number; commit_message: string }>(
      "SELECT v.version, v.commit_message FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id WHERE p.name = $1 ORDER BY v.version",
      name,
    );
    expect(versions).toEqual([
      { version: 1, commit_message: "First reply" },
      { version: 2, commit_message: "Warmer reply" },
    ]);

    // Promote v2 to the protected Production: requested by the editor, approved by the lead.
    await prompts.openTab("Deployments");
    const dialog = await new DeploymentsPage(editor).promote({ version: 2, environment: "Production", comment: "Ship the warmer reply" });
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(editor.getByText("Requested promotion of v2 to Production")).toBeVisible();
    const lead = await signIn(browser, "lead");
    await lead.goto("/approvals");
    const card = lead.getByRole("article", { name: `${name} v2 → Production` });
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(lead.getByText(`Approved: Production now serves v2 of ${name}`)).toBeVisible();
    const served = await query<{ version: number }>(
      `SELECT d.to_version AS version FROM deployments d JOIN prompts p ON p.id = d.prompt_id JOIN environments e ON e.id = d.environment_id
        WHERE p.name = $1 AND e.slug = 'production' ORDER BY d.created_at DESC LIMIT 1`,
      name,
    );
    expect(served).toEqual([{ version: 2 }]);

    // Run an evaluation; the worker (cases leased from Postgres) finishes it.
    const evals = new EvaluationsPage(editor);
    await evals.openNew();
    const form = evals.form();
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "triage-smoke (6 cases)" });
    await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: "support/triage" });
    const runName = unique("pg-eval");
    await form.getByRole("textbox", { name: "Name" }).fill(runName);
    await evals.useContainsScorer("Ana");
    await form.getByRole("button", { name: "Run evaluation" }).click();
    await expect(editor.getByRole("heading", { name: runName })).toBeVisible();
    await expect(editor.getByText(/^6 \/ 6 cases · 0 errors$/)).toBeVisible({ timeout: 30_000 });
    const run = await query<{ status: string; results: number; passed: number }>(
      `SELECT r.status, (SELECT count(*)::int FROM eval_results x WHERE x.run_id = r.id) AS results,
              (SELECT count(*)::int FROM eval_results x WHERE x.run_id = r.id AND x.status = 'passed') AS passed
         FROM eval_runs r WHERE r.name = $1`,
      runName,
    );
    expect(run).toEqual([{ status: "completed", results: 6, passed: 1 }]);

    // Rate an item with the keyboard, as the reviewer.
    const queueName = unique("PG queue");
    await new ReviewPage(editor).createQueue({ name: queueName, scheme: "1–5 scale", reviewers: ["reviewer"], prompt: "support/triage", version: "v1", limit: 1 });
    const reviewer = await signIn(browser, "reviewer");
    const review = new ReviewPage(reviewer);
    await review.open(queueName);
    await reviewer.keyboard.press("4");
    await expect(reviewer.getByRole("radio", { name: "4", exact: true })).toHaveAttribute("aria-checked", "true");
    await reviewer.keyboard.press("Enter");
    await expect(review.position()).toHaveText("All 1 done");
    // Saving is optimistic (the screen moves on at once), so the row is waited for, as the rating specs do.
    await expect
      .poll(() =>
        query<{ value: unknown; score: number }>(
          `SELECT r.value, r.score FROM ratings r JOIN review_queues q ON q.id = r.queue_id JOIN users u ON u.id = r.reviewer_id
            WHERE q.name = $1 AND u.email = $2`,
          queueName,
          DEMO_USERS.reviewer.email,
        ),
      )
      .toEqual([{ value: { type: "scale", value: 4 }, score: 0.75 }]);
  });
});
