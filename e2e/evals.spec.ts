import { execFile } from "node:child_process";
import { createApiKey } from "./pages/deployments-page";
import { EvaluationsPage } from "./pages/evaluations-page";
import { DEMO_USERS, STUDIO_URL } from "./support/env";
import { captureAction, replayAction } from "./support/server-actions";
import { readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("evaluations", () => {
  test("an editor runs an evaluation with a contains scorer, follows its progress and opens a failing case", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const evals = new EvaluationsPage(page);
    // The demo seed ran v1 and v2 of support/triage on triage-smoke.
    await page.goto("/evaluations");
    await expect(page.getByRole("table", { name: "Evaluations" }).getByRole("link", { name: "support/triage v1 on triage-smoke" })).toBeVisible();

    await evals.openNew();
    const form = evals.form();
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "triage-smoke (6 cases)" });
    await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: "support/triage" });
    await expect(form.getByRole("combobox", { name: "Model" })).toHaveValue("");
    const name = unique("e2e-eval");
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    // Only Ana's ticket names Ana: one case passes, the others fail.
    await evals.useContainsScorer("Ana");
    await form.getByRole("spinbutton", { name: "Concurrency" }).fill("3");
    await form.getByRole("spinbutton", { name: "Concurrency" }).press("ControlOrMeta+Enter");

    await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(evals.progress()).toBeVisible();
    await expect(page.getByText(/^6 \/ 6 cases · 0 errors$/)).toBeVisible({ timeout: 30_000 });
    await expect(evals.progress()).toHaveAttribute("aria-valuenow", "6");

    // The state comes from the database: a reload shows the same finished run.
    await page.reload();
    await expect(page.getByText(/^6 \/ 6 cases · 0 errors$/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Scorers" }).getByRole("row", { name: /contains "Ana"/ })).toContainText("16.7%");

    await page.getByRole("checkbox", { name: "Failures only" }).check();
    const results = page.getByRole("table", { name: "Results" });
    await expect(results.getByRole("row")).toHaveCount(6);
    await results.getByRole("button", { name: "Open case 2" }).click();
    const dialog = page.getByRole("dialog", { name: /^Case 2/ });
    await expect(dialog.getByText('Output does not contain "Ana".')).toBeVisible();
    await expect(dialog.getByRole("region", { name: "Output" })).toContainText("Offline demo model");
    await expect(dialog.getByRole("region", { name: "Input variables" })).toContainText("Ben");
    await expect(dialog.getByRole("region", { name: "Rendered prompt" })).toContainText("Ticket from Ben");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  test("a viewer cannot start an evaluation: no button, no form, and the server refuses", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/evaluations");
    await expect(page.getByRole("heading", { name: "Evaluations" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New evaluation" })).toHaveCount(0);
    expect((await page.goto("/evaluations/new"))?.status()).toBe(403);

    // The server decides: an editor's own "Run evaluation" call, replayed with the viewer's session, starts nothing.
    const editor = await pageAs("editor");
    await editor.goto("/evaluations/new");
    const form = editor.getByRole("form", { name: "New evaluation" });
    const start = await captureAction(editor, '"concurrency"', () => form.getByRole("button", { name: "Run evaluation" }).click());
    // Runs the viewer started, not all runs: the other worker's specs start runs of their own meanwhile.
    const viewerRuns = () =>
      readStudioDb((db) => (db.prepare("SELECT count(*) AS n FROM eval_runs r JOIN users u ON u.id = r.created_by_id WHERE u.email = ?").get(DEMO_USERS.viewer.email) as { n: number }).n);
    expect(viewerRuns()).toBe(0);
    const refused = await replayAction(page.request, start, { origin: STUDIO_URL });
    expect(await refused.text()).toContain('"code":"forbidden:');
    expect(viewerRuns()).toBe(0);
  });
});

function promptops(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/promptops.mjs", ...args], { env: { ...process.env, PROMPTOPS_API_KEY: "" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

test.describe("promptops CLI", () => {
  test("exits 0 at the threshold, 1 below it and 2 on an error, against the running studio", async ({ pageAs }) => {
    test.slow();
    const admin = await pageAs("admin");
    const key = await createApiKey(admin, { name: unique("e2e-ci"), scope: "read-write" });
    const args = (dataset = "triage-smoke") => ["eval", "--url", STUDIO_URL, "--api-key", key, "--prompt", "support/triage", "--label", "production", "--dataset", dataset, "--poll-interval", "200"];

    const pass = await promptops([...args(), "--min-pass-rate", "0"]);
    expect(pass.stdout).toContain("PASS");
    expect(pass.code).toBe(0);
    // The demo dataset has a case whose assertion the offline model's reply does not meet.
    const fail = await promptops([...args(), "--min-pass-rate", "1"]);
    expect(fail.stdout).toContain("FAIL");
    expect(fail.code).toBe(1);
    const error = await promptops(args("no-such-dataset"));
    expect(error.stderr).toContain('No dataset "no-such-dataset"');
    expect(error.code).toBe(2);
  });
});
