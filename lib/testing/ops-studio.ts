// Prepares a studio database for the operations e2e spec (e2e/operations.spec.ts), which starts production servers
// on it: a workspace whose editor can sign in, a "fx" provider on the spec's fixture LLM server, the prompt "greet",
// a dataset of `cases` cases, and a read-write API key to start eval runs with (as CI does). Prints what the spec
// needs as JSON.
// Usage: DATABASE_URL=… tsx --conditions=react-server lib/testing/ops-studio.ts <fixtureUrl> <cases>
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { users } from "@/db/schema";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { hashPassword } from "@/lib/platform/auth/password";
import { makeDataset, makeEvalWorkspace } from "./eval-runs";

async function main() {
  const [fixtureUrl, cases] = process.argv.slice(2);
  if (!fixtureUrl || !cases) throw new Error("usage: ops-studio <fixtureUrl> <cases>");
  const ws = await makeEvalWorkspace({ fixtureUrl, models: "echo, slow-50, slow-250" });
  const password = "ops-spec-password-1";
  const editor = ws.editor.user;
  const passwordHash = await hashPassword(password);
  await getDb().update(users).set({ passwordHash }).where(eq(users.id, editor.id));
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: Number(cases) });
  const { secret: apiKey } = await createApiKey(ws.adminCtx, { name: "ops spec", scope: "read-write" });
  closeDb();
  console.log(JSON.stringify({ email: editor.email, password, promptId: ws.promptId, datasetName: dataset.name, apiKey }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
