import type { Page } from "@playwright/test";
import { addFixtureProvider, PlaygroundPage, switchToSandbox } from "./pages/playground-page";
import { PromptPage } from "./pages/prompt-page";
import { FIXTURE_LLM_URL, STUDIO_URL, authFile } from "./support/env";
import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
const fixtureStats = FIXTURE_LLM_URL.replace(/\/v1$/, "/fixture/stats");

test.beforeAll(async ({ browser }) => {
  await addFixtureProvider(browser);
});

/** The admin, in the Sandbox workspace where the fixture provider lives (see switchToSandbox). */
async function sandboxAdmin(pageAs: (role: "admin") => Promise<Page>) {
  const page = await pageAs("admin");
  await switchToSandbox(page);
  return page;
}

/** A text prompt with one saved version, opened on its Playground tab. */
async function openPlayground(prompts: PromptPage, template: string) {
  await prompts.createWithVersion({ name: `e2e/${unique("playground")}`, template });
  await prompts.openTab("Playground");
  const playground = new PlaygroundPage(prompts.page);
  await expect(playground.column(1)).toBeVisible();
  return playground;
}

test.describe("playground", () => {
  test("two columns on the offline model stream their outputs and show tokens, latency and cost; variable sets round-trip", async ({ pageAs }) => {
    const page = await sandboxAdmin(pageAs);
    const playground = await openPlayground(new PromptPage(page), "Greet {{name}} warmly.\nReply in {{language}}.");
    await playground.chooseModel(1, "offline:demo");
    await playground.addColumn();
    await expect(playground.column(2)).toBeVisible();
    await playground.chooseModel(2, "offline:demo");
    await playground.column(2).getByRole("textbox", { name: "Max tokens" }).fill("12");

    await playground.variable("name").fill("Ada");
    await playground.variable("language").fill("French,\nthen English");
    await page.keyboard.press("ControlOrMeta+Enter");

    for (const n of [1, 2]) {
      await expect(playground.status(n)).toHaveText("Done", { timeout: 15_000 });
      await expect(playground.output(n)).toContainText("[Offline demo model]");
      await expect(playground.stat(n, "latency")).toHaveText(/^\d+(\.\d+)? m?s$/);
      await expect(playground.stat(n, "ttft")).toHaveText(/^\d+(\.\d+)? m?s$/);
      await expect(playground.stat(n, "tokens")).toHaveText(/^\d+ in · \d+ out$/);
      await expect(playground.stat(n, "cost")).toHaveText("free");
    }
    // Column 2's own max tokens cut its answer short.
    await expect(playground.stat(2, "tokens")).toHaveText(/ 12 out$/);
    await expect(playground.stat(2, "finish")).toHaveText("length");
    await expect(playground.stat(1, "finish")).toHaveText("stop");

    await playground.column(1).getByText("Rendered messages").click();
    await expect(playground.column(1).getByRole("list", { name: "Messages sent by column 1" })).toContainText("Greet Ada warmly.\nReply in French,\nthen English.");

    await page.getByRole("textbox", { name: "Set name" }).fill("french");
    await page.getByRole("button", { name: "Save set" }).click();
    await expect(page.getByText("Saved variable set “french”")).toBeVisible();
    await playground.variable("name").fill("Grace");
    await page.getByRole("combobox", { name: "Variable set" }).selectOption({ label: "french" });
    await page.getByRole("button", { name: "Load set" }).click();
    await expect(playground.variable("name")).toHaveValue("Ada");
  });

  test("a column whose provider fails shows the error with Retry while the other completes; the runs are kept and reopen", async ({ pageAs }) => {
    const page = await sandboxAdmin(pageAs);
    const playground = await openPlayground(new PromptPage(page), "Summarise {{topic}}.");
    await playground.chooseModel(1, "offline:demo");
    await playground.addColumn();
    await playground.chooseModel(2, "pgfx:fail-500");
    await playground.variable("topic").fill("tides");
    await playground.runButton().click();

    const error = playground.column(2).getByRole("alert");
    await expect(error).toContainText("Playground fixture had a server error (HTTP 500). Try again in a moment.");
    await expect(error.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(playground.status(1)).toHaveText("Done", { timeout: 15_000 });
    await expect(playground.output(1)).toContainText("You asked:");
    await expect(page.getByText(/at Object|node_modules|\.ts:\d+/)).toHaveCount(0);

    // Both columns are in the history; filtering by status finds the failure, which reopens with its neighbour.
    await page.getByRole("combobox", { name: "Filter by status" }).selectOption("failed");
    const failed = playground.history().getByRole("row").filter({ hasText: "pgfx:fail-500" });
    await expect(failed).toHaveCount(1);
    await failed.getByRole("link", { name: /Open in playground/ }).click();
    await expect(page).toHaveURL(/run=/);
    await expect(playground.column(2).getByRole("alert")).toContainText("HTTP 500");
    await expect(playground.column(2).getByRole("combobox", { name: "Model" })).toHaveValue("pgfx:fail-500");
    await expect(playground.output(1)).toContainText("You asked:");
    await expect(playground.variable("topic")).toHaveValue("tides");
  });

  test("Stop cancels a slow column, and the provider request with it", async ({ pageAs, request }) => {
    const page = await sandboxAdmin(pageAs);
    const playground = await openPlayground(new PromptPage(page), "{{text}}");
    await playground.chooseModel(1, "pgfx:slow");
    await playground.variable("text").fill(Array.from({ length: 40 }, (_, i) => `word${i}`).join(" "));
    const abortedBefore = ((await (await request.get(fixtureStats)).json()) as { aborted: number }).aborted;

    await playground.runButton().click();
    await expect(playground.output(1)).toContainText("Echo: word0");
    await playground.stopButton().click();
    await expect(playground.status(1)).toHaveText("Stopped");
    await expect(playground.runButton()).toBeVisible();
    const stopped = await playground.output(1).innerText();
    await page.waitForTimeout(700);
    expect(await playground.output(1).innerText()).toBe(stopped);
    expect(stopped).not.toContain("word39");
    await expect
      .poll(async () => ((await (await request.get(fixtureStats)).json()) as { aborted: number }).aborted)
      .toBeGreaterThan(abortedBefore);

    // The stopped run is in the history at once, with no reload and no filter touched, and stored as cancelled.
    const stoppedRow = playground.history().getByRole("row").filter({ hasText: "pgfx:slow" });
    await expect(stoppedRow).toHaveCount(1);
    await expect(stoppedRow).toContainText("cancelled");
    const href = await stoppedRow.getByRole("link", { name: /Open in playground/ }).getAttribute("href");
    const runId = new URL(href!, STUDIO_URL).searchParams.get("run");
    const stored = queryStudioDb<{ status: string; output: string }>("SELECT status, output FROM playground_runs WHERE id = ?", runId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.status).toBe("cancelled");
    expect(stored[0]!.output).toContain("Echo: word0");
    expect(stored[0]!.output).not.toContain("word39");

    await page.getByRole("combobox", { name: "Filter by status" }).selectOption("cancelled");
    await expect(playground.history().getByRole("row").filter({ hasText: "pgfx:slow" })).toHaveCount(1);
  });

  test("an output carrying an XSS payload is shown as text and runs nothing", async ({ pageAs }) => {
    const page = await sandboxAdmin(pageAs);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const playground = await openPlayground(new PromptPage(page), "{{payload}}");
    await playground.chooseModel(1, "pgfx:echo");
    const payload =
      '<script>window.__xss = 1; alert("script")</script> <img src=x onerror="window.__xss = 2; alert(2)"> [click me](javascript:window.__xss=3) <a href="javascript:alert(4)">bad link</a>';
    await playground.variable("payload").fill(payload);
    await playground.runButton().click();

    const output = playground.output(1);
    await expect(playground.status(1)).toHaveText("Done");
    await expect(output).toContainText('<script>window.__xss = 1; alert("script")</script>');
    await expect(output).toContainText('<img src=x onerror="window.__xss = 2; alert(2)">');
    await expect(output.locator("script, img, iframe, object, embed")).toHaveCount(0);
    await expect(output.locator('[href^="javascript" i], [src]')).toHaveCount(0);
    await output.getByText("click me").click();
    await output.getByText("bad link").first().click();

    await playground.column(1).getByRole("button", { name: "Raw" }).click();
    await expect(output.locator("pre")).toContainText(payload);
    await expect(output.locator("script, img")).toHaveCount(0);

    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test("the editor's unsaved draft runs beside the saved version, and the editor offers it back", async ({ pageAs }) => {
    const page = await sandboxAdmin(pageAs);
    const prompts = new PromptPage(page);
    await prompts.createWithVersion({ name: `e2e/${unique("draft")}`, template: "Hello {{name}}" });
    await prompts.fillEditor("Bonjour {{name}}");
    await expect(page.getByText("Unsaved changes")).toBeVisible();

    await prompts.openTab("Playground");
    const playground = new PlaygroundPage(page);
    await page.getByRole("button", { name: "Compare draft vs v1" }).click();
    await expect(playground.column(1).getByRole("combobox", { name: "Version" })).toHaveValue("draft");
    await playground.chooseModel(1, "pgfx:echo");
    await playground.chooseModel(2, "pgfx:echo");
    await playground.variable("name").fill("Ada");
    await playground.runButton().click();
    await expect(playground.output(1)).toHaveText("Echo: Bonjour Ada");
    await expect(playground.output(2)).toHaveText("Echo: Hello Ada");
    await expect(playground.history().getByRole("row").filter({ hasText: "Draft" })).toHaveCount(1);

    await prompts.openTab("Editor");
    await page.getByRole("button", { name: "Restore draft" }).click();
    await expect(page.getByText("Unsaved changes")).toBeVisible();
  });

  test("a chat prompt continues each column's conversation with a follow-up", async ({ pageAs }) => {
    const page = await sandboxAdmin(pageAs);
    const prompts = new PromptPage(page);
    await prompts.create({ name: `e2e/${unique("chat")}`, type: "chat" });
    await prompts.fillEditor("You answer questions about {{topic}}.", "System message");
    await prompts.fillEditor("Question: {{question}}", "User message");
    await prompts.save("v1");
    await expect(page.getByText("Saved v1")).toBeVisible();
    await prompts.openTab("Playground");
    const playground = new PlaygroundPage(page);
    await playground.chooseModel(1, "pgfx:echo");
    await playground.variable("topic").fill("tides");
    await playground.variable("question").fill("Why?");
    await playground.runButton().click();
    await expect(playground.output(1)).toHaveText("Echo: Question: Why?");

    await page.getByRole("textbox", { name: "Follow-up message" }).fill("And when?");
    await page.getByRole("button", { name: "Send follow-up" }).click();
    await expect(playground.output(1)).toHaveText("Echo: And when?");
    const conversation = playground.column(1).getByRole("list", { name: "Conversation, column 1" });
    await expect(conversation.getByRole("listitem")).toHaveText(["assistant: Echo: Question: Why?", "user: And when?"]);

    // In the follow-up box, Ctrl/Cmd+Enter sends the follow-up (elsewhere it re-runs the columns).
    await page.getByRole("textbox", { name: "Follow-up message" }).fill("And where?");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(playground.output(1)).toHaveText("Echo: And where?");
    await expect(conversation.getByRole("listitem")).toHaveCount(4);
  });

  test("a reviewer sees the playground but cannot run: the streaming route answers 403", async ({ pageAs, playwright }) => {
    const page = await pageAs("reviewer");
    await page.goto("/playground?prompt=marketing/tagline");
    await expect(new PlaygroundPage(page).column(1)).toBeVisible();
    await expect(new PlaygroundPage(page).runButton()).toBeDisabled();

    const api = await playwright.request.newContext({ baseURL: STUDIO_URL, storageState: authFile("reviewer") });
    // Sent the way the studio's own page sends it (same origin), so the only reason left to refuse is the role.
    const response = await api.post("/api/playground/run", {
      headers: { origin: STUDIO_URL },
      data: {
        promptId: crypto.randomUUID(),
        batchId: crypto.randomUUID(),
        column: 1,
        source: { kind: "version", version: 1 },
        modelId: "offline:demo",
        settings: {},
        variables: {},
      },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden:workspace" });
    await api.dispose();
  });

  test("/playground asks for a prompt first; an editor runs it on the offline model", async ({ pageAs }) => {
    const page = await pageAs("editor");
    await page.goto("/playground");
    await expect(page.getByRole("heading", { name: "Pick a prompt to start" })).toBeVisible();
    await page.getByRole("combobox", { name: "Prompt" }).selectOption("summarise-call");
    await expect(page).toHaveURL(/prompt=summarise-call/);
    const playground = new PlaygroundPage(page);
    await playground.chooseModel(1, "offline:demo");
    await playground.variable("transcript").fill("We agreed to ship on Friday.");
    await playground.runButton().click();
    await expect(playground.status(1)).toHaveText("Done", { timeout: 15_000 });
    await expect(playground.output(1)).toContainText("You asked: \"Summarise this call");
  });
});
