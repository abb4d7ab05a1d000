import { DatasetsPage } from "./pages/datasets-page";
import { PlaygroundPage } from "./pages/playground-page";
import { STUDIO_URL } from "./support/env";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("datasets", () => {
  test("an editor imports a CSV through the mapping step, edits a case inline and exports it", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const datasets = new DatasetsPage(page);
    await datasets.create(unique("e2e-tickets"));
    await expect(page.getByText("No cases yet")).toBeVisible();

    const csv = 'ticket,customer,gold,labels\n"Charged twice, please refund",Ana,refund,"billing, urgent"\nApp crashes on start,Ben,crash,bug\n';
    const dialog = await datasets.chooseFile("tickets.csv", csv);
    await expect(dialog.getByText("2 rows in CSV")).toBeVisible();
    const preview = dialog.getByRole("table", { name: "Preview" });
    await expect(preview.getByRole("row").nth(1)).toContainText("Charged twice, please refund");
    await expect(dialog.getByRole("combobox", { name: "Map ticket" })).toHaveValue("variable");
    await expect(dialog.getByRole("combobox", { name: "Map labels" })).toHaveValue("tags");
    // "gold" is not a name the importer recognises: the user maps it to the expected output.
    await dialog.getByRole("combobox", { name: "Map gold" }).selectOption("expected");
    await dialog.getByRole("button", { name: "Import 2 cases" }).click();
    await expect(page.getByText("Imported 2 cases")).toBeVisible();

    const cases = page.getByRole("table", { name: "Cases" });
    await expect(cases.getByRole("textbox", { name: "Case 1 ticket" })).toHaveValue("Charged twice, please refund");
    await expect(cases.getByRole("textbox", { name: "Case 1 expected output" })).toHaveValue("refund");
    await expect(cases.getByRole("textbox", { name: "Case 1 tags" })).toHaveValue("billing, urgent");

    const note = cases.getByRole("textbox", { name: "Case 2 note" });
    await note.fill("Reported on Android");
    await note.press("Enter");
    await expect(page.getByText("Saved case 2")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Case 2 note" })).toHaveValue("Reported on Android");

    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const exported = await page.request.get(exportHref!);
    expect(exported.headers()["content-type"]).toContain("text/csv");
    expect(await exported.text()).toBe(
      'ticket,customer,expected_output,tags,note\n"Charged twice, please refund",Ana,refund,"billing, urgent",\nApp crashes on start,Ben,crash,bug,Reported on Android\n',
    );
  });

  test("a bad CSV names its line and imports nothing", async ({ pageAs }) => {
    const datasets = new DatasetsPage(await pageAs("editor"));
    const page = datasets.page;
    await datasets.create(unique("e2e-bad"));
    const dialog = await datasets.chooseFile("bad.csv", "question,answer\nWhat is 2+2?,4\nWhat is 3+3?,6,extra\n");
    await expect(dialog.getByRole("alert")).toContainText("Line 3: the row has more cells than there are columns. Nothing was imported.");
    await expect(dialog.getByRole("button", { name: "Import" })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("No cases yet")).toBeVisible();
  });

  test("a viewer reads datasets but cannot edit them, and the server refuses their import", async ({ pageAs }) => {
    const viewer = await pageAs("viewer");
    await viewer.goto("/datasets");
    await viewer.getByRole("link", { name: "tagline-smoke" }).click();
    await expect(viewer.getByRole("table", { name: "Cases" })).toContainText("Ledgerly");
    await expect(viewer.getByRole("button", { name: "Import cases" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: "Add case" })).toHaveCount(0);
    await expect(viewer.getByRole("textbox", { name: /^Case 1/ })).toHaveCount(0);
    const datasetId = viewer.url().split("/").at(-1)!;
    const refused = await viewer.request.post(`/api/datasets/${datasetId}/import`, { headers: { origin: STUDIO_URL }, data: { fileName: "x.csv", text: "a\n1\n", mapping: { a: "variable" } } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "Your role in this workspace does not allow this." });
  });

  test("a playground output saved as a test case lands in the dataset", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const name = unique("e2e-from-playground");
    await page.goto("/prompts/support/triage?tab=playground");
    const playground = new PlaygroundPage(page);
    await playground.chooseModel(1, "offline:demo");
    await playground.variable("product").fill("PromptOps");
    await playground.variable("customer_name").fill("Dara");
    await playground.variable("ticket_body").fill("My invoice is wrong.");
    await playground.runButton().click();
    await expect(playground.status(1)).toHaveText("Done", { timeout: 15_000 });

    await playground.column(1).getByRole("button", { name: "Save column 1 as test case" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as test case" });
    await dialog.getByRole("combobox", { name: "Dataset" }).selectOption({ label: "New dataset…" });
    await dialog.getByRole("textbox", { name: "New dataset name" }).fill(name);
    await dialog.getByRole("button", { name: "Save case" }).click();
    await expect(page.getByText(`Saved as case 1 of ${name}`)).toBeVisible();

    await page.goto("/datasets");
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("textbox", { name: "Case 1 customer_name" })).toHaveValue("Dara");
    await expect(page.getByRole("textbox", { name: "Case 1 expected output" })).toHaveValue(/\[Offline demo model\]/);
    await expect(page.getByRole("textbox", { name: "Case 1 tags" })).toHaveValue("from-playground");
  });
});
