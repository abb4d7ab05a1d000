import type { APIRequestContext } from "@playwright/test";
import { addVersionsByApi, createApiKey, DeploymentsPage } from "./pages/deployments-page";
import { HistoryPage } from "./pages/history-page";
import { PromptPage } from "./pages/prompt-page";
import { storedVersions } from "./support/read-studio-db";
import { expect, test, type PageAs } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** An editor's page on a new prompt (made in the studio by the editor) whose versions an admin's key saved through the API. */
async function editorOnPromptWithVersions(
  { pageAs, request }: { pageAs: PageAs; request: APIRequestContext },
  prefix: string,
  versions: { template: string; commitMessage: string; modelConfig?: Record<string, unknown> }[],
) {
  const editor = await pageAs("editor");
  const prompts = new PromptPage(editor);
  const name = `e2e/${unique(prefix)}`;
  await prompts.create({ name });
  const secret = await createApiKey(await pageAs("admin"), { name: unique("e2e-history"), scope: "read-write" });
  await addVersionsByApi(request, { secret, name, versions });
  await editor.reload();
  return { editor, prompts, name };
}

test.describe("version history", () => {
  test("marks what each environment serves and shows one version on its own, content and settings", async ({ pageAs, request }) => {
    // Three versions, an API key and two deployments: slow on a loaded CI machine.
    test.slow();
    const { editor, prompts, name } = await editorOnPromptWithVersions({ pageAs, request }, "summary", [
      { template: "Summarise {{ticket}} in one line.", commitMessage: "Version 1", modelConfig: { temperature: 0.2, maxOutputTokens: 200 } },
      { template: "Summarise {{ticket}} in three bullet points.", commitMessage: "Version 2" },
      { template: "Summarise {{ticket}} for {{audience}}.", commitMessage: "Version 3" },
    ]);

    await prompts.openTab("Deployments");
    const deployments = new DeploymentsPage(editor);
    for (const [version, environment] of [[1, "Staging"], [2, "Development"]] as const) {
      const dialog = await deployments.promote({ version, environment });
      await dialog.getByRole("button", { name: "Deploy" }).click();
      await expect(editor.getByText(`Deployed v${version} to ${environment}`)).toBeVisible();
    }

    await prompts.openTab("History");
    const history = new HistoryPage(editor);
    await expect(history.versionItem(1).getByText("Staging", { exact: true })).toBeVisible();
    await expect(history.versionItem(2).getByText("Development", { exact: true })).toBeVisible();
    await expect(history.versionItem(1).getByText("Development", { exact: true })).toHaveCount(0);
    await expect(history.versionItem(3).getByText(/^(Development|Staging|Production)$/)).toHaveCount(0);

    const view = await history.openVersion(1);
    await expect(editor).toHaveURL(/[?&]version=1\b/);
    await expect(history.versions()).toHaveCount(0);
    await expect(view.getByText("Version 1", { exact: true })).toBeVisible();
    await expect(view.getByText("Staging", { exact: true })).toBeVisible();
    await expect(view.getByRole("article", { name: "Template" })).toHaveText(/Summarise \{\{ticket\}\} in one line\./);
    expect(JSON.parse(storedVersions(name)[0]!.model_config)).toEqual({ temperature: 0.2, maxOutputTokens: 200 });
    const settings = view.getByRole("article", { name: "Model settings" });
    await expect(settings).toContainText('"maxOutputTokens": 200');
    await expect(settings).toContainText('"temperature": 0.2');

    // A shareable URL: a fresh load shows the same version.
    await editor.reload();
    await expect(editor.getByRole("region", { name: "Version v1" }).getByRole("article", { name: "Template" })).toContainText("in one line.");

    await editor.getByRole("link", { name: "All versions" }).click();
    const latest = await history.openVersion(3);
    await expect(latest.getByText("not served by any environment")).toBeVisible();
    await expect(latest.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  });

  test("Restore previews the version it would create and creates it only after confirming", async ({ pageAs, request }) => {
    test.slow();
    const { editor, prompts, name } = await editorOnPromptWithVersions({ pageAs, request }, "restore", [
      { template: "Answer {{question}} briefly.", commitMessage: "Version 1", modelConfig: { temperature: 0.7 } },
      { template: "Answer {{question}} with sources.", commitMessage: "Version 2", modelConfig: { temperature: 0 } },
    ]);
    await prompts.openTab("History");
    const history = new HistoryPage(editor);

    let dialog = await history.openRestore(1);
    await expect(dialog.getByText("Restoring creates v3 with the content and model settings of v1")).toBeVisible();
    await expect(dialog.getByRole("region", { name: "Preview of v3" }).getByRole("article", { name: "Template" })).toHaveText(/Answer \{\{question\}\} briefly\./);
    const diff = dialog.getByRole("region", { name: "Diff" });
    await expect(diff).toContainText("v2 (latest) → v3 (restored from v1)");
    await expect(diff.getByRole("article", { name: "Template" }).locator("del")).toContainText("sources");
    await expect(diff.getByRole("article", { name: "Template" }).locator("ins")).toContainText("briefly");
    await expect(diff.getByRole("article", { name: "Model settings" })).toContainText('"temperature": 0.7');
    // Opening the preview created nothing; neither does cancelling it.
    expect(storedVersions(name).map((v) => v.version)).toEqual([1, 2]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(storedVersions(name).map((v) => v.version)).toEqual([1, 2]);

    // From the version's own view, confirming creates v3 with v1's content.
    await history.openVersion(1);
    dialog = await history.openRestore(1);
    await dialog.getByRole("button", { name: "Restore as v3" }).click();
    await expect(editor.getByText("Restored v1 as v3")).toBeVisible();
    const stored = storedVersions(name);
    expect(stored.map((v) => [v.version, v.template, v.commit_message])).toEqual([
      [1, "Answer {{question}} briefly.", "Version 1"],
      [2, "Answer {{question}} with sources.", "Version 2"],
      [3, "Answer {{question}} briefly.", "Restore v1"],
    ]);
    expect(JSON.parse(stored[2]!.model_config)).toEqual({ temperature: 0.7 });

    // v1 is now identical to the latest: the preview says so and there is nothing to confirm.
    await editor.getByRole("link", { name: "All versions" }).click();
    dialog = await history.openRestore(1);
    await expect(dialog.getByText("v1 is identical to the latest version, v3: restoring it would create nothing.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Restore as v4" })).toBeDisabled();
    expect(storedVersions(name)).toHaveLength(3);
  });
});
