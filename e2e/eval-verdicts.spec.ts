import { EvaluationsPage } from "./pages/evaluations-page";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

interface RunBody {
  summary: { passRate: number | null; passed: number; failed: number; errors: number; unscored: number; scorers: { key: string; passRate: number | null }[] };
}

test.describe("evaluation verdicts", () => {
  test("the default LLM judge on the demo, offline: a real mix of verdicts, each scorer's rate beside a headline that says how they combine", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const evals = new EvaluationsPage(page);
    await evals.openNew();
    const form = evals.form();
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "triage-smoke (6 cases)" });
    await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: "support/triage" });
    // triage-smoke's cases carry their own assertions, and the form says so.
    await expect(form.getByText("6 of 6 cases also carry their own assertions, checked after these.")).toBeVisible();
    while ((await form.getByRole("button", { name: /^Remove scorer/ }).count()) > 0) await form.getByRole("button", { name: /^Remove scorer/ }).first().click();
    await form.getByRole("combobox", { name: "New scorer type" }).selectOption("llm-rubric");
    await form.getByRole("button", { name: "Add scorer" }).click();
    const name = unique("e2e-judge");
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("button", { name: "Run evaluation" }).click();

    // The run page opens once the run is created (a loaded machine can take a while to render it).
    await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText(/^6 \/ 6 cases · 0 errors$/)).toBeVisible({ timeout: 30_000 });
    const runId = page.url().split("/").at(-1)!;
    // The headline names its rule; the judge's own rate and the cases' own assertion stay visible beside it.
    const headline = page.getByText("Pass rate (all scorers must pass)", { exact: true }).locator("..");
    await expect(headline).toContainText("66.7%");
    await expect(headline).toContainText("4 of 6 scored cases passed every scorer.");
    const scorers = page.getByRole("table", { name: "Scorers" });
    await expect(scorers.getByRole("row", { name: /^llm-rubric/ })).toContainText("83.3%");
    await expect(scorers.getByRole("row", { name: /^mentions/ })).toContainText("66.7%");

    await page.getByRole("table", { name: "Results" }).getByRole("button", { name: "Open case 4" }).click();
    const dialog = page.getByRole("dialog", { name: /^Case 4/ });
    await expect(dialog.getByText(/Offline judge \(word overlap, not a language model\): key terms of the expected output: 2 of 5 \(dara, cancelled\)/)).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();

    // What was stored, read back through the API the page uses.
    const stored = (await (await page.request.get(`/api/evals/runs/${runId}`)).json()) as RunBody;
    expect(stored.summary).toMatchObject({ passed: 4, failed: 2, errors: 0, unscored: 0 });
    expect(stored.summary.scorers.find((s) => s.key === "llm-rubric-1")?.passRate).toBeCloseTo(5 / 6, 9);
  });

  test("a promptfoo config runs as imported: no run scorer, negated and schema assertions, an unscored case counted apart", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const base = unique("pf");
    const config = [
      "prompts:",
      '  - "Reply to {{ customer }} about: {{ issue }}"',
      "tests:",
      "  - vars: { customer: Ana, issue: I was charged twice }",
      "    assert:",
      "      - type: icontains",
      "        value: offline demo model",
      "      - type: not-contains",
      "        value: As an AI",
      "  - vars: { customer: Ben, issue: the app crashes }",
      "    assert:",
      "      - type: not-icontains",
      "        value: CRASHES",
      "  - vars: { customer: Chen, issue: How do I invite a colleague? }",
      "  - vars: { customer: Dara, issue: Refund please }",
      "    assert:",
      "      - type: contains-json",
      "        value: { type: object, required: [category] }",
      "",
    ].join("\n");
    await page.goto("/datasets");
    await page.getByRole("button", { name: "Import promptfoo config" }).click();
    const importDialog = page.getByRole("dialog", { name: "Import a promptfoo config" });
    await importDialog.getByLabel("promptfoo config").setInputFiles({ name: `${base}.yaml`, mimeType: "text/yaml", buffer: Buffer.from(config) });
    const preview = importDialog.getByRole("region", { name: "What will be created" });
    await expect(preview).toContainText("4 cases with 4 case assertions");
    await expect(preview).toContainText("1 case has no assertion: reported as unscored");
    await expect(importDialog.getByRole("list", { name: "Import warnings" })).toHaveCount(0);
    await importDialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByRole("heading", { name: base, level: 1 })).toBeVisible();

    const evals = new EvaluationsPage(page);
    await evals.openNew();
    const form = evals.form();
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: `${base} (4 cases)` });
    await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: `imported/${base}/prompt-1` });
    await form.getByRole("combobox", { name: "Model" }).selectOption("offline:demo");
    await expect(form.getByText("No run scorers: each case is scored by its own assertions (3 of 4 cases have some). The other 1 will be reported as unscored")).toBeVisible();
    await form.getByRole("button", { name: "Run evaluation" }).click();

    await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByText(/^4 \/ 4 cases · 0 errors$/)).toBeVisible({ timeout: 30_000 });
    const runId = page.url().split("/").at(-1)!;
    const headline = page.getByText("Pass rate (all scorers must pass)", { exact: true }).locator("..");
    await expect(headline).toContainText("33.3%");
    await expect(headline).toContainText("1 of 3 scored cases passed every scorer. 1 unscored (no scorer) not counted.");
    await expect(page.getByText("Passed / failed / errors / unscored", { exact: true }).locator("..")).toContainText("1 / 2 / 0 / 1");
    const results = page.getByRole("table", { name: "Results" });
    await expect(results.getByRole("row", { name: /Chen/ })).toContainText("unscored");

    await results.getByRole("button", { name: "Open case 1" }).click();
    const dialog = page.getByRole("dialog", { name: /^Case 1/ });
    // The negated assertion is marked as such, with what it checked.
    await expect(dialog.getByText("NOT", { exact: true })).toBeVisible();
    await expect(dialog.getByText(/^Negated \(passes when the check fails\): passed, because output does not contain "As an AI"\.$/)).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await results.getByRole("button", { name: "Open case 3" }).click();
    await expect(page.getByRole("dialog", { name: /^Case 3/ }).getByText("Unscored: this case has no scorer, so it is neither passed nor failed.")).toBeVisible();

    const stored = (await (await page.request.get(`/api/evals/runs/${runId}`)).json()) as RunBody;
    expect(stored.summary).toMatchObject({ passed: 1, failed: 2, errors: 0, unscored: 1 });
    const unscored = (await (await page.request.get(`/api/evals/runs/${runId}/results?filter=unscored`)).json()) as { total: number; items: { status: string; variables: Record<string, string>; scores: unknown[] }[] };
    expect(unscored).toMatchObject({ total: 1, items: [{ status: "unscored", variables: { customer: "Chen" }, scores: [] }] });
  });
});
