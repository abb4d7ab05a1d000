// Compliance gates (issue 19): an admin requires "no linter errors" on a protected environment, an editor requests a
// version with a lint error, the lead sees the lint report and the blocked gate on the approval card, and an admin
// approves anyway with a reason, which the deployment history and the audit log keep.
import { DeploymentsPage } from "./pages/deployments-page";
import { PromptPage } from "./pages/prompt-page";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test("a failed no-lint-errors gate blocks the lead, and an admin's override is stored and audited", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  const editor = await pageAs("editor");
  const lead = await pageAs("lead");
  // A protected environment of its own, so the demo's Production keeps no gate for other specs.
  const slug = unique("gated").toLowerCase();
  const environmentName = `Gated ${slug.slice(-7)}`;
  await admin.goto("/settings/environments");
  const add = admin.getByRole("form", { name: "Add environment" });
  await add.getByRole("textbox", { name: "Environment name" }).fill(environmentName);
  await add.getByRole("textbox", { name: "Slug" }).fill(slug);
  await add.getByRole("checkbox", { name: /Protected/ }).check();
  await add.getByRole("button", { name: "Add environment" }).click();
  await expect(admin.getByText(`Added environment ${slug}`)).toBeVisible();
  const gates = admin.getByRole("form", { name: `Compliance gates for ${environmentName}` });
  await gates.getByRole("checkbox", { name: "No linter errors" }).check();
  await gates.getByRole("button", { name: `Save compliance gates for ${environmentName}` }).click();
  await expect(admin.getByText(`Saved the compliance gates of ${environmentName}`)).toBeVisible();
  // Checked without the toast (sonner's own colours are not ours to fix here).
  await admin.reload();
  await expect(gates.getByRole("checkbox", { name: "No linter errors" })).toBeChecked();
  await expectNoSeriousA11yViolations(admin);
  const [environment] = queryStudioDb<{ id: string; gates: string }>("select id, compliance_gates as gates from environments where slug = ?", slug);
  expect(JSON.parse(environment!.gates)).toEqual({ noLintErrors: true });

  const name = `e2e/${unique("gates")}`;
  const prompts = new PromptPage(editor);
  await prompts.createWithVersion({ name, template: "Answer <q>{{question}}</q>. Escalate to ana@example.com." });
  await prompts.openTab("Deployments");
  const dialog = await new DeploymentsPage(editor).promote({ version: 1, environment: environmentName, comment: "ship it" });
  await dialog.getByRole("button", { name: "Request promotion" }).click();
  await expect(editor.getByText(`Requested promotion of v1 to ${environmentName}`)).toBeVisible();

  await lead.goto("/approvals");
  const card = lead.getByRole("article", { name: `${name} v1 → ${environmentName}` });
  const report = card.getByRole("region", { name: "Lint report" });
  await expect(report).toContainText("Linter when requested: 1 error, 0 warnings");
  await expect(report).toContainText("Personal data in the template: e-mail address.");
  await expect(report).toContainText("line 1");
  const gateList = card.getByRole("region", { name: "Compliance gates" });
  await expect(gateList).toContainText("No linter errors:");
  await expect(gateList).toContainText("failed");
  await expect(gateList).toContainText("No linter errors: v1 has 1 linter error. Fix them or silence a rule with a reason.");
  await expect(card.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
  await expect(card.getByRole("button", { name: "Approve anyway" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(lead);

  await admin.goto("/approvals");
  const adminCard = admin.getByRole("article", { name: `${name} v1 → ${environmentName}` });
  await adminCard.getByRole("button", { name: "Approve anyway" }).click();
  const override = admin.getByRole("dialog", { name: `Approve ${name} v1 → ${environmentName} over failed gates` });
  await override.getByRole("textbox", { name: "Override reason" }).fill("The address is our public support inbox.");
  await override.getByRole("button", { name: "Approve anyway" }).click();
  await expect(admin.getByText(`Approved over failed gates: ${environmentName} now serves v1 of ${name}`)).toBeVisible();

  const [request] = queryStudioDb<{ id: string; status: string; override: string; lint: string }>(
    "select r.id, r.status, r.gate_override as override, r.lint_report as lint from promotion_requests r join prompts p on p.id = r.prompt_id where p.name = ?",
    name,
  );
  expect(request!.status).toBe("approved");
  expect(JSON.parse(request!.override)).toMatchObject({ reason: "The address is our public support inbox.", failed: ["no-lint-errors"] });
  expect(JSON.parse(request!.lint)).toMatchObject({ errors: 1, findings: [{ ruleId: "personal-data-in-template" }] });
  const audited = queryStudioDb<{ after: string }>("select after from audit_log where object_id = ? and action = 'promotion.gates_overridden'", request!.id);
  expect(JSON.parse(audited[0]!.after)).toMatchObject({ failed: ["no-lint-errors"], reason: "The address is our public support inbox." });
  const [pointer] = queryStudioDb<{ version: number }>("select version from environment_pointers where environment_id = ?", environment!.id);
  expect(pointer!.version).toBe(1);

  await admin.goto(`/prompts/${name}?tab=deployments`);
  await expect(new DeploymentsPage(admin).historyRow(0)).toContainText("gates overridden no-lint-errors: The address is our public support inbox.");
});
