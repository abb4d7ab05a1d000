// Variables used inside partials: the editor lists them, the playground asks for them, the eval form and the
// delivery API know them, and a partial that does not exist is underlined while typing. The demo's
// marketing/tagline serves v1 ("… for {{product}} aimed at {{audience}} …") in Production.
import { createApiKey } from "./pages/deployments-page";
import { EvaluationsPage } from "./pages/evaluations-page";
import { PlaygroundPage } from "./pages/playground-page";
import { PromptPage } from "./pages/prompt-page";
import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("variables of partials", () => {
  test("are listed in the editor, get a textbox in the playground, and reach the stored run; a missing one is one notice per run", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    const folder = `e2e/${unique("partials")}`;

    // A partial of our own, included at a pinned version, next to the demo's tagline at the Production label.
    await prompts.createWithVersion({ name: `${folder}/details`, template: "Launch date: {{launch_date}}.", message: "details" });

    await prompts.create({ name: `${folder}/launch`, type: "chat" });
    await prompts.fillEditor("You write launch copy for {{brand}}. {{> marketing/tagline@production}}", "System message");
    await prompts.fillEditor(`{{> ${folder}/details@1}}`, "User message");
    // Listed while the draft is unsaved: the editor asks the server about the partials as the author types.
    await expect(prompts.variables().locator("code")).toHaveText(["brand", "product", "audience", "launch_date"]);
    await expect(prompts.variables()).toContainText("audience (from marketing/tagline@production)");
    await expect(prompts.variables()).toContainText(`launch_date (from ${folder}/details@1)`);
    await prompts.save("launch");
    await expect(page.getByText("Saved v1")).toBeVisible();
    // And after a reload, from the page's loader.
    await page.reload();
    await expect(prompts.variables().locator("code")).toHaveText(["brand", "product", "audience", "launch_date"]);

    await prompts.openTab("Playground");
    const playground = new PlaygroundPage(page);
    await expect(playground.variable("audience")).toBeVisible();
    await expect(playground.variable("audience")).toHaveAccessibleDescription("From partial marketing/tagline@production");
    await playground.addColumn();
    await expect(playground.column(2)).toBeVisible();
    await playground.variable("brand").fill("Acme");
    await playground.variable("product").fill("Acme Notes");
    await playground.variable("launch_date").fill("1 May");

    // Without "audience" both columns fail, each saying why, with one notice for the run rather than one per column.
    await playground.runButton().click();
    for (const n of [1, 2]) await expect(playground.column(n).getByRole("alert")).toContainText('Missing variable "audience"');
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(1);
    await expect(page.locator("[data-sonner-toast]")).toContainText(
      /Columns 1 and 2: System message, in partial "marketing\/tagline@production", line 1, column \d+: Missing variable "audience"/,
    );

    await playground.variable("audience").fill("prompt engineers");
    await playground.runButton().click();
    for (const n of [1, 2]) await expect(playground.status(n)).toHaveText("Done", { timeout: 30_000 });

    // What was stored: both runs, with the partial's variable and the rendered partials in the messages sent.
    const rows = queryStudioDb<{ variables: string; input: string; status: string }>(
      "select r.variables, r.input, r.status from playground_runs r join prompts p on p.id = r.prompt_id where p.name = ? order by r.column_index",
      `${folder}/launch`,
    );
    expect(rows.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    for (const row of rows) {
      expect(JSON.parse(row.variables)).toEqual({ brand: "Acme", product: "Acme Notes", audience: "prompt engineers", launch_date: "1 May" });
      const [system, user] = JSON.parse(row.input) as { role: string; content: string }[];
      expect(system).toEqual({ role: "system", content: "You write launch copy for Acme. Write a tagline for Acme Notes aimed at prompt engineers. Keep it under 12 words." });
      expect(user).toEqual({ role: "user", content: "Launch date: 1 May." });
    }
  });

  test("a partial naming a prompt, label or version that does not exist is underlined while typing", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    await prompts.create({ name: `e2e/${unique("missing-partial")}` });
    await prompts.fillEditor("Intro {{> nope/missing@production}}\n{{> marketing/tagline@production}} {{> marketing/tagline@nolabel}} {{> marketing/tagline@99}}");
    await expect(prompts.errorMarkers().first()).toBeVisible();
    await expect(page.getByText("3 partial problems")).toBeVisible();
    await expect(page.getByText(/template error/)).toHaveCount(0);

    // F8 walks Monaco's markers, as it does for a syntax error: three of them, the first the unknown prompt.
    await prompts.editor().focus();
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("F8");
    const marker = page.locator(".zone-widget");
    await expect(marker).toContainText("1 of 3 problems");
    await expect(marker).toContainText('Unknown partial "nope/missing@production": no prompt has this name and label');
    await page.keyboard.press("F8");
    await expect(marker).toContainText('Unknown partial "marketing/tagline@nolabel": no prompt has this name and label');
    await page.keyboard.press("F8");
    await expect(marker).toContainText('Unknown partial "marketing/tagline@99": no prompt has this name and label');
    await page.keyboard.press("Escape");

    await prompts.fillEditor("Intro {{> marketing/tagline@production}}");
    await expect(prompts.errorMarkers()).toHaveCount(0);
    await expect(page.getByText(/partial problem/)).toHaveCount(0);
    await expect(prompts.variables().locator("code")).toHaveText(["product", "audience"]);
  });

  test("the eval form lists a partial's variable against the dataset's columns, and a run on a dataset lacking it is refused naming it", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    const name = `e2e/${unique("eval-partial")}`;
    await prompts.createWithVersion({ name, template: "{{> marketing/tagline@production}}" });

    const evals = new EvaluationsPage(page);
    await page.goto(`/evaluations/new?prompt=${encodeURIComponent(name)}`);
    const form = evals.form();
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "triage-smoke (6 cases)" });
    const mapping = form.getByRole("table", { name: "Variables and dataset columns" });
    await expect(mapping.getByRole("row", { name: /^product / })).toContainText("yes");
    await expect(mapping.getByRole("row", { name: /^audience / })).toContainText("partial marketing/tagline@production");
    await expect(mapping.getByRole("row", { name: /^audience / })).toContainText("missing: every case would fail");
    const lacking = form.getByRole("alert").filter({ hasText: /^The dataset has no column/ });
    await expect(lacking).toHaveText('The dataset has no column "audience": add it to the dataset or choose another dataset.');

    await form.getByRole("button", { name: "Run evaluation" }).click();
    await expect(form.getByText(`The dataset "triage-smoke" has no column "audience", which v1 of "${name}" needs`)).toBeVisible();
    const started = () => queryStudioDb("select t.id from eval_run_targets t join prompts p on p.id = t.prompt_id where p.name = ?", name);
    expect(started()).toEqual([]);

    // A dataset with the column: listed as present, and the run starts.
    await form.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "tagline-smoke (5 cases)" });
    await expect(mapping.getByRole("row", { name: /^audience / })).toContainText("yes");
    await expect(lacking).toHaveCount(0);
    await form.getByRole("button", { name: "Run evaluation" }).click();
    await expect(page).toHaveURL(/\/evaluations\/[0-9a-f-]{36}$/);
    expect(started()).toHaveLength(1);
  });

  test("the delivery API lists a partial's variables and names a missing one when rendering", async ({ pageAs, request }) => {
    const editor = await pageAs("editor");
    const admin = await pageAs("admin");
    const prompts = new PromptPage(editor);
    const name = `e2e/${unique("api-partial")}`;
    await prompts.createWithVersion({ name, template: "For {{brand}}: {{> marketing/tagline@production}}" });
    const secret = await createApiKey(admin, { name: unique("e2e-partials") });
    const headers = { authorization: `Bearer ${secret}` };

    const fetched = await request.get(`/api/v1/prompts/${name}?label=latest`, { headers });
    expect(fetched.status()).toBe(200);
    expect(await fetched.json()).toMatchObject({ variables: ["brand", "product", "audience"] });

    const missing = await request.post(`/api/v1/prompts/${name}/render`, { headers, data: { label: "latest", variables: { brand: "Acme", product: "Notes" } } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({
      error: { code: "bad_request:template", message: expect.stringMatching(/^Missing variable "audience" \(in partial "marketing\/tagline@production", line 1, column \d+\)$/) },
    });

    const rendered = await request.post(`/api/v1/prompts/${name}/render`, { headers, data: { label: "latest", variables: { brand: "Acme", product: "Notes", audience: "lawyers" } } });
    expect(rendered.status()).toBe(200);
    expect(await rendered.json()).toMatchObject({ text: "For Acme: Write a tagline for Notes aimed at lawyers. Keep it under 12 words." });
  });
});
