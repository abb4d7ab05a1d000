import { createApiKey } from "./pages/deployments-page";
import { PromptPage } from "./pages/prompt-page";
import { DEMO_USERS } from "./support/env";
import { readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

// The four-eyes rule through an API key: a key belongs to the admin who created it, so a promotion requested with it
// is theirs, and they cannot approve it in the studio; another lead can.

test("a promotion requested with an admin's key is that admin's: they cannot approve it, the audit log names key and admin", async ({ pageAs, request }) => {
  test.slow(); // a key, an API write and two people on a loaded CI machine
  const admin = await pageAs("admin");
  const lead = await pageAs("lead");
  const name = `e2e/key-owner-${Date.now()}`;
  await new PromptPage(admin).create({ name });
  const keyName = `e2e-ci-${Date.now()}`;
  const secret = await createApiKey(admin, { name: keyName, scope: "read-write" });
  const authorization = `Bearer ${secret}`;

  const saved = await request.post(`/api/v1/prompts/${name}/versions`, { headers: { authorization }, data: { template: "Answer {{question}} briefly.", commitMessage: "From CI" } });
  expect(saved.status()).toBe(201);
  const response = await request.post(`/api/v1/prompts/${name}/promotions`, {
    headers: { authorization },
    data: { environment: "production", version: 1, comment: "from the admin's script" },
  });
  expect(response.status()).toBe(201);
  const { requestId } = (await response.json()) as { requestId: string };

  // What was stored: the version and the request are the admin's, and the audit entry names both the key and the admin.
  const stored = readStudioDb((db) => ({
    author: db.prepare("SELECT v.author_id FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id WHERE p.name = ? AND v.version = 1").pluck().get(name),
    request: db.prepare("SELECT requested_by_id, requested_by_api_key_id FROM promotion_requests WHERE id = ?").get(requestId),
    audit: db.prepare("SELECT actor_user_id, actor_api_key_id, actor_label FROM audit_log WHERE action = 'promotion.requested' AND object_id = ?").get(requestId),
    adminId: db.prepare("SELECT id FROM users WHERE email = ?").pluck().get(DEMO_USERS.admin.email),
    keyId: db.prepare("SELECT id FROM api_keys WHERE name = ?").pluck().get(keyName),
  }));
  expect(stored.author).toBe(stored.adminId);
  expect(stored.request).toEqual({ requested_by_id: stored.adminId, requested_by_api_key_id: stored.keyId });
  expect(stored.audit).toEqual({
    actor_user_id: stored.adminId,
    actor_api_key_id: stored.keyId,
    actor_label: `${DEMO_USERS.admin.email} via API key "${keyName}"`,
  });

  await admin.goto("/approvals");
  const own = admin.getByRole("article", { name: `${name} v1 → Production` });
  await expect(own.getByText("You requested this, so another lead or admin must approve or reject it.")).toBeVisible();
  await expect(own.getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(own.getByText(`${DEMO_USERS.admin.name} (API key "${keyName}")`)).toBeVisible();

  await lead.goto("/approvals");
  await lead.getByRole("article", { name: `${name} v1 → Production` }).getByRole("button", { name: "Approve" }).click();
  await expect(lead.getByText(`Approved: Production now serves v1 of ${name}`)).toBeVisible();
});
