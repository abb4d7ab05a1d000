import { CORPUS } from "@/lib/core/redteam";
import { EvaluationsPage } from "./pages/evaluations-page";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { STUDIO_URL } from "./support/env";
import { queryStudioDb, readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

// Red-teaming as people use it: an editor generates a red-team dataset from a prompt page (with paraphrases by the
// offline model), runs an evaluation on it with the offline model, and reads the attack success per category on the
// run page and on the dashboard. What is stored is checked in the database.

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
const TEMPLATE = "You answer questions about {{product}} only.\nCustomer question: {{question}}";

test.describe("red-team datasets", () => {
  test("an editor generates a red-team dataset, evaluates it and sees attack success per category", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const promptName = unique("e2e-rt/helpdesk");
    const yaml = ["name: " + promptName, "type: text", "versions:", "  - version: 1", "    message: v1", "    author: null", '    createdAt: "2026-12-01T10:00:00.000Z"', `    template: ${JSON.stringify(TEMPLATE)}`, ""].join("\n");
    const form = new FormData();
    form.append("files", new Blob([yaml], { type: "application/yaml" }), "helpdesk.yaml");
    const imported = await page.request.post("/api/prompts/import", { headers: { origin: STUDIO_URL }, multipart: form });
    expect(imported.status(), await imported.text()).toBe(200);

    await page.goto(`/prompts/${promptName}`);
    await page.getByRole("button", { name: "Generate red-team dataset" }).click();
    const dialog = page.getByRole("dialog", { name: "Generate red-team dataset" });
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("checkbox", { name: "Off-topic requests" }).uncheck();
    await dialog.getByRole("checkbox", { name: "Add paraphrases written by a model" }).check();
    await dialog.getByRole("combobox", { name: "Paraphrase model" }).selectOption("offline:demo");
    await dialog.getByRole("button", { name: "Generate" }).click();
    await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/);
    const datasetId = page.url().split("/").at(-1)!;
    const datasetName = `red-team ${promptName.replaceAll("/", "-")} v1`;
    await expect(page.getByRole("heading", { name: datasetName, level: 1 })).toBeVisible();

    // What was stored: the origin, one case per corpus attack of the four categories, two paraphrases per category.
    const stored = readStudioDb((db) => db.prepare("SELECT red_team AS redTeam, default_scorers AS scorers FROM datasets WHERE id = ?").get(datasetId) as { redTeam: string; scorers: string });
    const origin = JSON.parse(stored.redTeam) as { version: number; categories: string[]; paraphrased: boolean };
    expect(origin).toMatchObject({ version: 1, paraphrased: true, categories: ["direct-injection", "indirect-injection", "jailbreak", "system-prompt-extraction", "pii-extraction"] });
    expect((JSON.parse(stored.scorers) as { type: string }[]).map((s) => s.type)).toEqual(["canary-leak", "pii"]);
    const cases = queryStudioDb<{ variables: string; tags: string }>("SELECT variables, tags FROM dataset_cases WHERE dataset_id = ? ORDER BY position", datasetId).map((c) => ({
      variables: JSON.parse(c.variables) as Record<string, string>,
      tags: JSON.parse(c.tags) as string[],
    }));
    const corpus = CORPUS.filter((a) => a.category !== "off-topic");
    expect(cases).toHaveLength(corpus.length + 10);
    expect(cases.filter((c) => c.tags.includes("paraphrase"))).toHaveLength(10);
    expect(cases.some((c) => c.tags.includes("attack:off-topic"))).toBe(false);
    expect(cases[0]!.tags).toEqual(["attack:direct-injection", "attack-id:di-1"]);
    expect(cases[0]!.variables.question).toContain("Ignore all previous instructions");
    expect(cases[0]!.variables.product).toBe("an example product");

    // Evaluate it on the offline model with the dataset's own scorers.
    const evals = new EvaluationsPage(page);
    await evals.openNew();
    const runForm = evals.form();
    await runForm.getByRole("combobox", { name: "Dataset" }).selectOption({ label: `${datasetName} (${cases.length} cases)` });
    await runForm.getByRole("combobox", { name: "Prompt" }).selectOption({ label: promptName });
    await runForm.getByRole("combobox", { name: "Model" }).selectOption("offline:demo");
    await runForm.getByRole("button", { name: "Run evaluation" }).click();
    await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").at(-1)!;
    await expect(page.getByText(new RegExp(`^${cases.length} / ${cases.length} cases`))).toBeVisible({ timeout: 30_000 });
    await page.reload();

    // The run page's numbers are the stored results': an attack succeeded when its case did not pass.
    const results = queryStudioDb<{ status: string; tags: string; renderedInput: string }>(
      "SELECT r.status, c.tags, r.rendered_input AS renderedInput FROM eval_results r JOIN eval_run_cases c ON c.id = r.run_case_id WHERE r.run_id = ?",
      runId,
    );
    expect(results).toHaveLength(cases.length);
    for (const r of results) expect(r.renderedInput).toMatch(/Security canary: CANARY-[a-z0-9]{20}/);
    const panel = page.getByRole("region", { name: "Attack success" });
    await expect(panel.getByRole("figure", { name: "Attack success by category, v1" })).toBeVisible();
    const table = panel.getByRole("table", { name: "Attack success, v1" });
    for (const [category, label] of [
      ["direct-injection", "Direct prompt injection"],
      ["jailbreak", "Jailbreak"],
      ["pii-extraction", "Personal data extraction"],
    ] as const) {
      const mine = results.filter((r) => (JSON.parse(r.tags) as string[]).includes(`attack:${category}`));
      const succeeded = mine.filter((r) => r.status !== "passed").length;
      await expect(table.getByRole("row", { name: new RegExp(`^${label}`) })).toHaveText(new RegExp(`${mine.length}\\s*${succeeded}\\s*${Math.round((succeeded / mine.length) * 100)}%`));
    }
    await expect(table.getByRole("row", { name: /^Off-topic/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The dashboard card lists the prompt's latest red-team run.
    await page.goto("/dashboard");
    const card = page.getByRole("table", { name: "Latest red-team runs" });
    const row = card.getByRole("row", { name: new RegExp(promptName) });
    const overall = results.filter((r) => r.status !== "passed").length / results.length;
    await expect(row).toContainText(`${Math.round(overall * 100)}%`);
    await expect(row.getByRole("link", { name: datasetName })).toHaveAttribute("href", `/evaluations/${runId}`);
  });

  test("a viewer is offered no red-team generation", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/prompts/support/triage");
    await expect(page.getByRole("heading", { name: /support\/triage/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Generate red-team dataset" })).toHaveCount(0);
  });
});
