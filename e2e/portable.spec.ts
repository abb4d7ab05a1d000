import { expect, test } from "./support/test";

function threeVersionFile(name: string) {
  const version = (n: number, text: string) => `  - version: ${n}
    message: revision ${n}
    author: editor@example.com
    createdAt: 2026-11-0${n}T10:00:00.000Z
    modelConfig:
      temperature: 0.${n}
    template: |-
      ${text}
`;
  return `name: ${name}
type: text
description: Round trip
tags: [roundtrip]
archived: false
labels: {}
versions:
${version(1, "Summarise {{doc}}.")}${version(2, "Summarise {{doc}} in three bullets.")}${version(3, "Summarise {{doc}} in three bullets.\n      Cite the source.")}`;
}

test("export then import round-trips a prompt's three versions exactly, authored by the importer with the file's claims as provenance", async ({ pageAs }) => {
  const page = await pageAs("admin");
  const name = `roundtrip/p-${Date.now()}`;
  const upload = async (content: string) => {
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import prompts" });
    await dialog.getByLabel("Prompt files").setInputFiles({ name: "prompt.yaml", mimeType: "application/yaml", buffer: Buffer.from(content) });
    await dialog.getByRole("button", { name: "Import files" }).click();
  };

  await page.goto("/prompts");
  await upload(threeVersionFile(name));
  await expect(page.getByText("Imported: 1 new prompts, 0 new versions, 0 unchanged")).toBeVisible();
  const first = await (await page.request.get(`/api/prompts/export?name=${encodeURIComponent(name)}`)).text();
  expect(first).toContain("version: 3");
  // The file named editor@example.com and November: the versions are the admin's, made now; the claims are provenance.
  expect(first).toContain("author: admin@example.com");
  expect(first).not.toContain("2026-11-03T10:00:00.000Z");
  await page.goto(`/prompts/${name}?tab=history`);
  const v3 = page.getByRole("list", { name: "Versions" }).getByRole("listitem").filter({ hasText: "revision 3" });
  await expect(v3).toContainText("Ada Admin");
  await expect(v3).toContainText("imported; originally by editor@example.com at 2026-11-03 10:00 UTC");
  await page.goto("/prompts");

  // Into the other workspace and back out: the file must come back byte for byte.
  await page.getByRole("combobox", { name: "Workspace" }).selectOption({ label: "Sandbox" });
  await expect(page.getByText("Switched to Sandbox")).toBeVisible();
  // The first import's toast says the same words; let it go (sonner keeps a toast 4 s) so the next one is this import's.
  await expect(page.getByText("Imported: 1 new prompts")).toHaveCount(0);
  await upload(first);
  await expect(page.getByText("Imported: 1 new prompts")).toBeVisible();
  const second = await (await page.request.get(`/api/prompts/export?name=${encodeURIComponent(name)}`)).text();
  const withoutWhoAndWhen = (file: string) => file.replace(/author: .*/g, "author: x").replace(/createdAt: .*/g, "createdAt: x");
  expect(withoutWhoAndWhen(second)).toBe(withoutWhoAndWhen(first));

  await page.goto(`/prompts/${name}?tab=history`);
  await expect(page.getByRole("list", { name: "Versions" }).getByRole("listitem")).toHaveCount(3);

  // Importing again changes nothing.
  await page.goto("/prompts");
  await upload(second);
  await expect(page.getByText("Imported: 0 new prompts, 0 new versions, 1 unchanged")).toBeVisible();
});

test("an invalid import reports every problem with its file and field, and writes nothing", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/prompts");
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "Import prompts" });
  const bad = `name: broken/import
type: text
versions:
  - version: 1
    message: one
    author: null
    createdAt: 2026-11-01T00:00:00.000Z
    modelConfig: { temperature: 7 }
`;
  await dialog.getByLabel("Prompt files").setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from(bad) });
  await dialog.getByRole("button", { name: "Import files" }).click();
  const problems = dialog.getByRole("list", { name: "Import problems" });
  await expect(problems).toContainText("prompts/broken/import.yaml");
  await expect(problems).toContainText("versions[0].template");
  await expect(problems).toContainText("versions[0].modelConfig.temperature");
  await page.goto("/prompts?q=broken%2Fimport");
  await expect(page.getByText("No prompts match")).toBeVisible();
});
