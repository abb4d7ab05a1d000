// Guard policies on served prompts (issue 19): an editor sets a policy in the version's model settings and saves it
// as a new version; the stored version carries it; a render the policy refuses through the delivery API is a 422
// naming the rule, and the prompt page counts it.
import { createApiKey } from "./pages/deployments-page";
import { PromptPage } from "./pages/prompt-page";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test("an editor saves a guard policy with a version, and the prompt page counts a render it refused", async ({ pageAs, request }) => {
  test.slow(); // Monaco, a save, an API key and a render on a shared CI machine
  const page = await pageAs("editor");
  const prompts = new PromptPage(page);
  const name = `e2e/${unique("guard")}`;
  await prompts.create({ name });
  await prompts.fillEditor("Answer the customer: <question>{{question}}</question>");

  const policy = page.getByRole("group", { name: "Guard policy" });
  await expect(page.getByRole("heading", { name: "Guard policy blocks (last 30 days)" })).toBeVisible();
  await expect(page.getByText("Nothing blocked or masked in the last 30 days.")).toBeVisible();
  await policy.getByRole("textbox", { name: "Denied topics" }).fill("competitor pricing");
  await policy.getByRole("textbox", { name: "Word list" }).fill("refund\ncash");
  await policy.getByRole("combobox", { name: "PII handling" }).selectOption("block");
  await policy.getByRole("textbox", { name: "Max input length" }).fill("0");
  await expect(page.getByText("Enter a whole number from 1 to 1,000,000.")).toBeVisible();
  await policy.getByRole("textbox", { name: "Max input length" }).fill("500");
  await prompts.save("guarded");
  await expect(page.getByText("Saved v1")).toBeVisible();

  // What was stored: the policy is part of v1's model configuration.
  const [stored] = queryStudioDb<{ model_config: string }>("select v.model_config from prompt_versions v join prompts p on p.id = v.prompt_id where p.name = ? and v.version = 1", name);
  expect(JSON.parse(stored!.model_config)).toMatchObject({ guard: { deniedTopics: ["competitor pricing"], words: ["refund", "cash"], pii: "block", maxInputChars: 500 } });

  // A render the policy refuses, through the delivery API with an admin's key.
  const admin = await pageAs("admin");
  const secret = await createApiKey(admin, { name: unique("e2e-guard"), scope: "read" });
  const render = (question: string) => request.post(`/api/v1/prompts/${encodeURIComponent(name)}/render`, { headers: { authorization: `Bearer ${secret}` }, data: { version: 1, variables: { question } } });
  const refused = await render("Can I get a REFUND?");
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ error: { code: "unprocessable:guard", details: { rule: "word-list" } } });
  expect((await render("Where is my parcel?")).status()).toBe(200);

  await page.reload();
  const blocks = page.getByRole("table", { name: "Guard policy blocks per rule" });
  await expect(blocks.getByRole("row", { name: /Word list 1 0/ })).toBeVisible();
  await expect(blocks.getByRole("row", { name: /Denied topic 0 0/ })).toBeVisible();
  const [counted] = queryStudioDb<{ count: number }>(
    "select sum(c.count) as count from guard_block_counts c join prompts p on p.id = c.prompt_id where p.name = ? and c.rule = 'word-list' and c.action = 'blocked' and c.surface = 'render'",
    name,
  );
  expect(counted!.count).toBe(1);
  await expectNoSeriousA11yViolations(page);
});
