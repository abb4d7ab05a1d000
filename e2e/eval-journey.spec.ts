import { DatasetsPage } from "./pages/datasets-page";
import { EvaluationsPage } from "./pages/evaluations-page";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("an evaluation journey", () => {
  test("upload a CSV dataset, evaluate two versions with a contains scorer, compare them and see both on the trend chart", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const datasetName = unique("e2e-journey");
    const datasets = new DatasetsPage(page);
    await datasets.create(datasetName);
    await datasets.importFile(
      "tickets.csv",
      "product,customer_name,ticket_body\nAcme,Ana,I was charged twice for my plan.\nAcme,Ben,The export button does nothing.\nAcme,Chen,How do I add a teammate?\n",
      3,
    );

    const evals = new EvaluationsPage(page);
    const runNames: string[] = [];
    for (const version of [1, 2]) {
      await evals.openNew();
      const form = evals.form();
      await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: `${datasetName} (3 cases)` });
      await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: "support/triage" });
      await form.getByRole("checkbox", { name: /^Latest/ }).uncheck();
      await form.getByRole("checkbox", { name: new RegExp(`^v${version} `) }).check();
      const name = unique(`e2e-journey-v${version}`);
      runNames.push(name);
      await form.getByRole("textbox", { name: "Name" }).fill(name);
      // The offline model repeats the ticket, so only Ana's case mentions "Ana".
      await evals.useContainsScorer("Ana");
      await form.getByRole("button", { name: "Run evaluation" }).click();
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await expect(evals.progress()).toBeVisible();
      await expect(page.getByText(/^3 \/ 3 cases · 0 errors$/)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole("table", { name: "Results" }).getByRole("row")).toHaveCount(4);
    }

    await page.goto("/evaluations/compare");
    await page.getByRole("combobox", { name: "Baseline (A)" }).selectOption({ label: `${runNames[0]} · support/triage v1 · ${datasetName}` });
    await page.getByRole("combobox", { name: "Candidate (B)" }).selectOption({ label: `${runNames[1]} · support/triage v2 · ${datasetName}` });
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("region", { name: "Aggregate deltas (B − A)" })).toContainText("Pass rate");
    const cases = page.getByRole("table", { name: "Cases compared" });
    await expect(cases.getByRole("row")).toHaveCount(4);
    await expect(cases.getByRole("row").nth(1)).toContainText("customer_name: Ana");

    await page.goto("/dashboard?range=all");
    // Filters apply on change: there is no Apply button to press.
    await expect(page.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
    const datasetId = await page.getByRole("combobox", { name: "Dataset" }).locator("option", { hasText: datasetName }).getAttribute("value");
    await page.getByRole("combobox", { name: "Dataset" }).selectOption({ label: datasetName });
    await expect(page).toHaveURL(new RegExp(`dataset=${datasetId}`));
    const chart = page.getByRole("figure", { name: "Pass rate over time" });
    await expect(chart.locator("svg").first()).toBeVisible();
    // One line for this prompt × dataset, drawn as straight segments between its two runs (no invented curve).
    await expect(chart.locator(".recharts-legend-item-text")).toHaveText([`support/triage · ${datasetName}`]);
    const path = await chart.locator("path.recharts-line-curve").first().getAttribute("d");
    expect(path).toMatch(/^M[\d.,\s-]+L[\d.,\s-]+$/);
    await expect(chart.getByRole("link", { name: `support/triage v1 on ${datasetName} (${runNames[0]})` })).toHaveCount(1);
    await expect(chart.getByRole("link", { name: `support/triage v2 on ${datasetName} (${runNames[1]})` })).toHaveCount(1);
  });
});
