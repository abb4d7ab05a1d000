import type { Page } from "@playwright/test";
import { demoTickets } from "@/lib/platform/models/simulated-task/task";
import { DeploymentsPage } from "./pages/deployments-page";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { DEMO_USERS, STUDIO_URL } from "./support/env";
import { captureAction, replayAction } from "./support/server-actions";
import { readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

// Prompt optimization as people use it: an editor starts one from a prompt's Optimize tab on the simulated
// ticket-triage task (the offline provider's model whose accuracy depends on the prompt), watches it, saves the
// winner, and a lead sees its evidence on the approval card. What is stored is checked in the database.

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
const BASELINE = "Classify this ticket:\n{{ticket}}";

/** A text prompt with BASELINE as v1 and a dataset of labelled tickets (each tagged with its label, for the split). */
async function ticketTriageSetup(page: Page, { cases }: { cases: number }) {
  const promptName = unique("e2e-opt/triage");
  const yaml = ["name: " + promptName, "type: text", "versions:", "  - version: 1", "    message: Weak baseline", "    author: null", '    createdAt: "2026-11-22T02:37:00.000Z"', `    template: ${JSON.stringify(BASELINE)}`, ""].join("\n");
  const form = new FormData();
  form.append("files", new Blob([yaml], { type: "application/yaml" }), "triage.yaml");
  const imported = await page.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: form });
  expect(imported.status(), await imported.text()).toBe(200);

  const datasetName = unique("e2e-opt-tickets");
  await page.goto("/datasets");
  await page.getByRole("button", { name: "New dataset" }).click();
  const dialog = page.getByRole("dialog", { name: "New dataset" });
  await dialog.getByRole("textbox", { name: "Dataset name" }).fill(datasetName);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: datasetName, level: 1 })).toBeVisible();
  const datasetId = page.url().split("/").at(-1)!;
  const text = demoTickets(cases, 11)
    .map((t) => JSON.stringify({ vars: { ticket: t.ticket }, expected_output: t.label, tags: [t.label] }))
    .join("\n");
  const response = await page.request.post(`/api/datasets/${datasetId}/import`, {
    headers: { origin: STUDIO_URL },
    data: { fileName: "tickets.jsonl", text, mapping: { ticket: "variable", expected_output: "expected", tags: "tags" } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { promptName, datasetName, cases };
}

async function fillNewOptimization(page: Page, { datasetName, cases }: { datasetName: string; cases: number }) {
  const form = page.getByRole("form", { name: "New optimization" });
  await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: `${datasetName} (${cases} cases)` });
  await form.getByRole("combobox", { name: "Strategy" }).selectOption({ label: "Instructions and few-shot" });
  await form.getByRole("combobox", { name: "Task model" }).selectOption("offline:ticket-triage");
  await form.getByRole("combobox", { name: "Proposer model" }).selectOption("offline:demo");
  await form.getByRole("spinbutton", { name: "Candidates" }).fill("8");
  await form.getByRole("spinbutton", { name: "Model calls" }).fill("6000");
  await form.getByRole("spinbutton", { name: "Rounds" }).fill("3");
  await form.getByRole("spinbutton", { name: "Seed" }).fill("7");
  return form;
}

const storedVersion = (promptName: string, version: number) =>
  readStudioDb(
    (db) =>
      db
        .prepare("SELECT v.commit_message AS message, v.provenance AS provenance, v.template AS template FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id WHERE p.name = ? AND v.version = ?")
        .get(promptName, version) as { message: string; provenance: string | null; template: string } | undefined,
  );

test.describe("prompt optimization", () => {
  test("an editor optimizes a prompt, saves the winner, and its promotion carries the held-out evidence", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    // Enough cases that the run outlasts the page's first render, so the bar is seen moving (3–5 s here).
    const setup = await ticketTriageSetup(page, { cases: 480 });
    await page.goto(`/prompts/${setup.promptName}`);
    await page.getByRole("navigation", { name: "Prompt views" }).getByRole("link", { name: "Optimize" }).click();
    await expect(page.getByText("No optimizations yet")).toBeVisible();
    const form = await fillNewOptimization(page, setup);
    await form.getByRole("button", { name: "Start optimization" }).click();

    await expect(page).toHaveURL(/\/optimizations\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").at(-1)!;
    const calls = page.getByRole("progressbar", { name: "Model calls" });
    // The progress bar moves while the worker runs, without a reload: read it until the run completes.
    const seen: number[] = [];
    await expect(async () => {
      seen.push(Number((await calls.getAttribute("aria-valuenow")) ?? "0"));
      await expect(page.getByText("completed", { exact: true })).toBeVisible({ timeout: 100 });
    }).toPass({ timeout: 60_000, intervals: [150] });
    test.info().annotations.push({ type: "model calls seen", description: [...new Set(seen)].join(", ") });
    expect(new Set(seen).size, `model calls seen: ${seen.join(", ")}`).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // The stored run is what the page shows.
    const stored = readStudioDb((db) => db.prepare("SELECT status, outcome, settings, budget FROM optimization_runs WHERE id = ?").get(runId) as { status: string; outcome: string; settings: string; budget: string });
    expect(stored.status).toBe("completed");
    const outcome = JSON.parse(stored.outcome) as { heldOut: { verdict: string; baseline: number; best: number }; bestKey: string; baselineKey: string };
    expect(JSON.parse(stored.settings)).toMatchObject({ seed: 7, rounds: 3 });
    expect(JSON.parse(stored.budget)).toMatchObject({ candidates: 8, modelCalls: 6000 });
    const word = { better: "Better", "no significant difference": "No significant difference", worse: "Worse" }[outcome.heldOut.verdict]!;
    const heldOut = page.getByRole("region", { name: "Held-out result" });
    await expect(heldOut.getByRole("status", { name: word })).toHaveText(word);
    await expect(heldOut).toContainText(`${Math.round(outcome.heldOut.baseline * 1000) / 10}%`);
    await expect(page.getByText(/Seed 7 · split \d+ train · \d+ validation · \d+ held-out/)).toBeVisible();

    const leaderboard = page.getByRole("table", { name: "Leaderboard" });
    await expect(leaderboard).toBeVisible();
    const rows = leaderboard.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(2);
    await expect(leaderboard.getByText("baseline", { exact: true })).toBeVisible();
    // The best candidate is marked, and the top candidate's diff against the baseline is shown; another row's button
    // switches it.
    await expect(leaderboard.getByText("best", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Diff" })).toContainText(/Baseline \(v1\) → Candidate \d+ \(/);
    const another = leaderboard.getByRole("button", { name: /^Diff candidate \d+ against the baseline$/ }).nth(1);
    const rank = /candidate (\d+)/.exec((await another.getAttribute("aria-label"))!)![1];
    await another.click();
    await expect(another).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("region", { name: "Diff" })).toContainText(`Baseline (v1) → Candidate ${rank} (`);
    const chart = page.getByRole("figure", { name: "Best validation score by round" });
    await expect(chart.locator("path.recharts-line-curve")).toBeVisible();
    await expect(chart.getByRole("table")).toContainText("Round 0");

    // The simulated task is learnable: the search beats the weak baseline.
    expect(outcome.bestKey).not.toBe(outcome.baselineKey);
    await page.getByRole("button", { name: "Save as new version" }).click();
    await expect(page.getByText(`Saved as v2 of ${setup.promptName}`)).toBeVisible();
    await expect(page.getByRole("link", { name: `Open v2 of ${setup.promptName}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save as new version" })).toBeDisabled();

    // What was stored: v2 is the best candidate, named by its commit message and carrying the run's evidence.
    const v2 = storedVersion(setup.promptName, 2)!;
    expect(v2.message).toContain(`optimization ${runId}`);
    expect(v2.message).toContain("seed 7");
    expect(v2.message).toContain(outcome.heldOut.verdict);
    expect(v2.template).not.toBe(BASELINE);
    const provenance = JSON.parse(v2.provenance!) as Record<string, unknown>;
    expect(provenance).toMatchObject({ source: "optimization", runId, seed: 7, baseVersion: 1, dataset: setup.datasetName, heldOut: { verdict: outcome.heldOut.verdict } });
    expect(readStudioDb((db) => (db.prepare("SELECT saved_version AS v FROM optimization_runs WHERE id = ?").get(runId) as { v: number }).v)).toBe(2);

    // The Optimize tab lists it with its verdict and the version it became.
    await page.goto(`/prompts/${setup.promptName}?tab=optimize`);
    const list = page.getByRole("table", { name: "Optimizations" });
    await expect(list.getByRole("link", { name: "From v1 → v2" })).toBeVisible();
    await expect(list.getByRole("status", { name: word })).toBeVisible();

    // It ships only through a promotion: the lead's approval card shows the optimization's evidence.
    await page.goto(`/prompts/${setup.promptName}?tab=deployments`);
    const dialog = await new DeploymentsPage(page).promote({ version: 2, environment: "Production", comment: "Optimized" });
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(page.getByText("Requested promotion of v2 to Production")).toBeVisible();
    const lead = await pageAs("lead");
    await lead.goto("/approvals");
    const card = lead.getByRole("article", { name: `${setup.promptName} v2 → Production` });
    const evidence = card.getByRole("region", { name: "Optimization evidence" });
    await expect(evidence.getByRole("status", { name: word })).toBeVisible();
    await expect(evidence).toContainText("seed 7");
    await expect(evidence).toContainText(/\d+ train · \d+ validation · \d+ held-out/);
    await expect(evidence).toContainText(/McNemar|paired bootstrap/);
    await expectNoSeriousA11yViolations(lead);
    await evidence.getByRole("link", { name: "Open the optimization" }).click();
    await expect(lead).toHaveURL(new RegExp(`/optimizations/${runId}$`));
    // A lead may look but the run is saved: the button says why it is not there to press again.
    await expect(lead.getByRole("button", { name: "Save as new version" })).toBeDisabled();
  });

  test("the run page has no serious accessibility violation in light and dark mode, nor on a phone", async ({ pageAs }) => {
    const editor = await pageAs("editor");
    const setup = await ticketTriageSetup(editor, { cases: 40 });
    await editor.goto(`/prompts/${setup.promptName}?tab=optimize`);
    await expectNoSeriousA11yViolations(editor);
    const form = await fillNewOptimization(editor, setup);
    await form.getByRole("button", { name: "Start optimization" }).click();
    await expect(editor).toHaveURL(/\/optimizations\/[0-9a-f-]{36}$/);
    const url = editor.url();
    await expect(editor.getByText("completed", { exact: true })).toBeVisible({ timeout: 60_000 });
    // A reload drops the "Optimization started" toast, which is the toast library's markup, not the page's.
    await editor.reload();
    await expect(editor.getByRole("table", { name: "Leaderboard" })).toBeVisible();
    await editor.emulateMedia({ colorScheme: "light" });
    await expect(editor.locator("html")).not.toHaveClass(/dark/);
    await test.step("light", () => expectNoSeriousA11yViolations(editor));
    await editor.emulateMedia({ colorScheme: "dark" });
    await expect(editor.locator("html")).toHaveClass(/dark/);
    await test.step("dark", () => expectNoSeriousA11yViolations(editor));

    const phone = await pageAs("viewer", { viewport: { width: 375, height: 800 } });
    await phone.goto(url);
    await expect(phone.getByRole("table", { name: "Leaderboard" })).toBeVisible();
    await test.step("phone", () => expectNoSeriousA11yViolations(phone));
    const widths = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `the page is ${widths.scroll}px wide in a ${widths.client}px window`).toBeLessThanOrEqual(widths.client);
  });

  test("a viewer cannot start an optimization: no form, and the server refuses the editor's call replayed", async ({ pageAs }) => {
    const editor = await pageAs("editor");
    const setup = await ticketTriageSetup(editor, { cases: 20 });
    const viewer = await pageAs("viewer");
    await viewer.goto(`/prompts/${setup.promptName}?tab=optimize`);
    await expect(viewer.getByText("No optimizations yet")).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Start optimization" })).toHaveCount(0);
    await expect(viewer.getByRole("combobox", { name: "Dataset" })).toHaveCount(0);

    await editor.goto(`/prompts/${setup.promptName}?tab=optimize`);
    const form = await fillNewOptimization(editor, setup);
    const start = await captureAction(editor, '"strategy"', () => form.getByRole("button", { name: "Start optimization" }).click());
    const runsOfPrompt = () =>
      readStudioDb((db) => (db.prepare("SELECT count(*) AS n FROM optimization_runs r JOIN prompts p ON p.id = r.prompt_id WHERE p.name = ?").get(setup.promptName) as { n: number }).n);
    const refused = await replayAction(viewer.request, start, { origin: STUDIO_URL });
    expect(await refused.text()).toContain('"code":"forbidden:');
    expect(runsOfPrompt()).toBe(0);
    // The same call with the editor's own session starts it: the refusal was the viewer's role, not the request.
    const accepted = await replayAction(editor.request, start, { origin: STUDIO_URL });
    expect(await accepted.text()).toContain('"ok":true');
    expect(runsOfPrompt()).toBe(1);
    expect(
      readStudioDb((db) => (db.prepare("SELECT count(*) AS n FROM optimization_runs r JOIN users u ON u.id = r.created_by_id WHERE u.email = ?").get(DEMO_USERS.viewer.email) as { n: number }).n),
    ).toBe(0);
  });
});
