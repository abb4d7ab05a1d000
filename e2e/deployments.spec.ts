import { addVersionsByApi, createApiKey, DeploymentsPage } from "./pages/deployments-page";
import { PromptPage } from "./pages/prompt-page";
import { storedAuditAfter, storedDeployments, storedServedVersion } from "./support/read-studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** A prompt with v1 and v2, created through the editor as the given page's user. */
async function promptWithTwoVersions(prompts: PromptPage, name: string) {
  await prompts.createWithVersion({ name, template: "Reply to {{customer}} politely.", message: "First reply" });
  await expect(prompts.page.getByText("latest v1")).toBeVisible();
  await prompts.fillEditor("Reply to {{customer}} warmly, in two sentences.");
  await prompts.save("Warmer reply");
  await expect(prompts.page.getByText("Saved v2")).toBeVisible();
}

test.describe("promotions", () => {
  test("an editor's promotion approved by the lead is what the API serves; rollback returns to the previous version and never re-serves the newer one", async ({ pageAs, request }) => {
    // Three people, two promotions, a rollback and API checks: a long journey on a loaded CI machine.
    test.slow();
    const editor = await pageAs("editor");
    const lead = await pageAs("lead");
    const admin = await pageAs("admin");
    const name = `e2e/${unique("reply")}`;
    const prompts = new PromptPage(editor);
    await prompts.create({ name });
    const secret = await createApiKey(admin, { name: unique("e2e-writer"), scope: "read-write" });
    await addVersionsByApi(request, {
      secret,
      name,
      versions: [
        { template: "Reply to {{customer}} politely.", commitMessage: "First reply" },
        { template: "Reply to {{customer}} warmly, in two sentences.", commitMessage: "Warmer reply" },
      ],
    });
    await editor.reload();
    const fetchProduction = () => request.get(`/api/v1/prompts/${name}?label=production`, { headers: { authorization: `Bearer ${secret}` } });

    // Unprotected environments deploy directly.
    await prompts.openTab("Deployments");
    const deployments = new DeploymentsPage(editor);
    let dialog = await deployments.promote({ version: 2, environment: "Staging" });
    await dialog.getByRole("button", { name: "Deploy" }).click();
    await expect(editor.getByText("Deployed v2 to Staging")).toBeVisible();
    await deployments.expectServes("Staging", 2);
    expect((await fetchProduction()).status()).toBe(404);

    // Production is protected: v1 first, then v2, each approved by the lead.
    for (const version of [1, 2]) {
      dialog = await deployments.promote({ version, environment: "Production", comment: `Ship v${version}` });
      await expect(dialog.getByRole("button", { name: "Deploy" })).toHaveCount(0);
      await dialog.getByRole("button", { name: "Request promotion" }).click();
      await expect(editor.getByText(`Requested promotion of v${version} to Production`)).toBeVisible();

      await lead.goto("/approvals");
      await expect(lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Approvals/ })).toContainText(/\d/);
      const card = lead.getByRole("article", { name: `${name} v${version} → Production` });
      await expect(card.getByText(`Ship v${version}`)).toBeVisible();
      await expect(card.getByRole("region", { name: "Diff" })).toBeVisible();
      await card.getByRole("button", { name: "Approve" }).click();
      await expect(lead.getByText(`Approved: Production now serves v${version} of ${name}`)).toBeVisible();
    }

    const served = await fetchProduction();
    expect(served.status()).toBe(200);
    expect(await served.json()).toMatchObject({ name, version: 2, template: "Reply to {{customer}} warmly, in two sentences.", variables: ["customer"] });

    await lead.goto(`/prompts/${name}?tab=deployments`);
    const leadDeployments = new DeploymentsPage(lead);
    await leadDeployments.expectServes("Production", 2);
    // Staging moved once: nothing earlier to roll back to, so no button.
    await expect(leadDeployments.rollbackButton("Staging")).toHaveCount(0);

    // Roll back is a dialog naming the target, with its diff against what is served and an optional reason.
    await expect(leadDeployments.rollbackButton("Production")).toHaveAccessibleName("Roll back Production to v1");
    const rollback = await leadDeployments.openRollback("Production");
    await expect(rollback.getByText("Production serves v2. Rolling back serves v1 again")).toBeVisible();
    const diff = rollback.getByRole("region", { name: "Diff" });
    await expect(diff).toContainText("v2 (served) → v1 (after the rollback)");
    await expect(diff.getByRole("article", { name: "Template" }).locator("del")).toContainText("warmly");
    await expect(diff.getByRole("article", { name: "Template" }).locator("ins")).toContainText("politely");
    await rollback.getByRole("textbox", { name: "Reason" }).fill("Customers found v2 too long");
    const actionCall = lead.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
    await rollback.getByRole("button", { name: "Roll back to v1" }).click();
    const call = await actionCall;
    await expect(lead.getByText("Production rolled back to v1")).toBeVisible();
    await leadDeployments.expectServes("Production", 1);
    await expect(leadDeployments.historyRow(0)).toContainText("v2 → v1");
    await expect(leadDeployments.historyRow(0)).toContainText("Customers found v2 too long");

    // What was stored: the pointer, the rollback with its reason, and the audit entry.
    expect(storedServedVersion(name, "production")).toBe(1);
    expect(storedDeployments(name, "production").map((d) => [d.kind, d.from_version, d.to_version, d.comment])).toEqual([
      ["rollback", 2, 1, "Customers found v2 too long"],
      ["promotion", 1, 2, "Ship v2"],
      ["promotion", null, 1, "Ship v1"],
    ]);
    expect(storedAuditAfter(name, "deployment.rolled_back")).toMatchObject({ environment: "production", version: 1, comment: "Customers found v2 too long" });
    expect(await (await fetchProduction()).json()).toMatchObject({ name, version: 1 });

    // v1 was Production's first deployment: there is nothing older, so the button is gone (it never offers v2).
    await expect(leadDeployments.rollbackButton("Production")).toHaveCount(0);
    await lead.reload();
    await leadDeployments.expectServes("Production", 1);
    await expect(leadDeployments.rollbackButton("Production")).toHaveCount(0);

    // The same server action, replayed by hand with v2 as the target, is refused: v2 is newer, so it needs a promotion.
    const headers = Object.fromEntries(Object.entries(await call.allHeaders()).filter(([key]) => !["cookie", "content-length", "host"].includes(key)));
    const replay = await lead.request.post(call.url(), {
      headers,
      data: call.postData()!.replace('"toVersion":1', '"toVersion":2'),
    });
    expect(call.postData()).toContain('"toVersion":1');
    expect(await replay.text()).toContain("v2 is newer than the v1 Production serves: serving it again is a promotion");
    expect(storedServedVersion(name, "production")).toBe(1);
    expect(storedDeployments(name, "production")).toHaveLength(3);
    expect(await (await fetchProduction()).json()).toMatchObject({ name, version: 1 });
  });

  test("the requester cannot approve their own request; another lead's rejection needs a reason", async ({ pageAs }) => {
    // Two people and two versions typed into the editor: slow on a loaded CI machine.
    test.slow();
    const lead = await pageAs("lead");
    const admin = await pageAs("admin");
    const name = `e2e/${unique("own")}`;
    const prompts = new PromptPage(lead);
    await promptWithTwoVersions(prompts, name);
    await prompts.openTab("Deployments");
    const dialog = await new DeploymentsPage(lead).promote({ version: 2, environment: "Production", comment: "Mine" });
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(lead.getByText("Requested promotion of v2 to Production")).toBeVisible();

    await lead.goto("/approvals");
    const own = lead.getByRole("article", { name: `${name} v2 → Production` });
    await expect(own.getByText("You requested this, so another lead or admin must approve or reject it.")).toBeVisible();
    await expect(own.getByRole("button", { name: "Approve" })).toBeDisabled();

    await admin.goto("/approvals");
    const card = admin.getByRole("article", { name: `${name} v2 → Production` });
    await card.getByRole("button", { name: "Reject" }).click();
    const reject = admin.getByRole("dialog", { name: `Reject ${name} v2 → Production` });
    await reject.getByRole("textbox", { name: "Reason" }).fill("Needs an eval run first");
    await reject.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByText(`Rejected the promotion of ${name} v2`)).toBeVisible();
    await expect(admin.getByRole("table", { name: "Recent decisions" }).getByRole("row").filter({ hasText: name })).toContainText("Needs an eval run first");
  });

  test("a reviewer cannot request a promotion", async ({ pageAs }) => {
    const reviewer = await pageAs("reviewer");
    await reviewer.goto("/prompts/support/triage?tab=deployments");
    await expect(reviewer.getByRole("table", { name: "Environments" })).toBeVisible();
    await expect(reviewer.getByRole("button", { name: "Promote" })).toHaveCount(0);
    await expect(reviewer.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
  });
});
