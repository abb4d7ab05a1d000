// The prompt linter in the editor (issue 19): findings are underlined as the author types, counted under the editor,
// and a quick fix (Ctrl+.) rewrites the template; what is saved is the fixed text.
import { PromptPage } from "./pages/prompt-page";
import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe("the prompt linter in the editor", () => {
  test("underlines an undelimited variable and personal data, and its quick fix wraps the variable in tags", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const prompts = new PromptPage(page);
    const name = `e2e/${unique("lint")}`;
    await prompts.create({ name });

    await prompts.fillEditor("Escalate to ana@example.com. Summarise: {{article}}");
    const editor = page.locator('[data-template-editor="Prompt template"]');
    await expect(editor.locator(".squiggly-error")).toHaveCount(1);
    await expect(editor.locator(".squiggly-warning")).toHaveCount(1);
    await expect(page.getByTestId("lint-count")).toContainText("Lint: 1 error, 1 warning");

    // The marker's hover names the rule; Ctrl+. on the variable offers the fix.
    await prompts.fillEditor("Summarise: {{article}}");
    await expect(page.getByTestId("lint-count")).toContainText("Lint: 1 warning");
    await prompts.editor().focus();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ControlOrMeta+.");
    const fix = page.getByRole("option", { name: /Wrap in <article> tags/ });
    await expect(fix).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("lint-count")).toHaveCount(0);
    await expect(editor.locator(".squiggly-warning")).toHaveCount(0);

    await prompts.save("wrapped");
    await expect(page.getByText("Saved v1")).toBeVisible();
    const [stored] = queryStudioDb<{ template: string }>("select v.template from prompt_versions v join prompts p on p.id = v.prompt_id where p.name = ?", name);
    expect(stored!.template).toBe("Summarise: <article>{{article}}</article>");
  });
});
