import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { first, only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/platform/auth/password";
import { recordAudit } from "@/lib/platform/audit/record";
import type { DemoMembers, UserPrincipal } from "@/lib/platform/auth/principal";
import { approvePromotion, deployVersion, requestPromotion } from "@/lib/releases/server";
import { listEnvironments } from "@/lib/serving/server";
import { seedDemoDatasets } from "@/lib/datasets/server";
import { createPromptInTransaction, findPromptByName, saveVersionInTransaction } from "@/lib/prompts/server";
import { seedDemoEvalRuns, seedDemoRedTeam } from "@/lib/evals/server";
import { seedDemoReview } from "@/lib/review/server";
import { seedDemoOptimization } from "@/lib/optimizer/server";

export const DEMO_PASSWORD = "promptops-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "lead@example.com", name: "Lee Lead", role: "lead" },
  { email: "editor@example.com", name: "Eddie Editor", role: "editor" },
  { email: "reviewer@example.com", name: "Rita Reviewer", role: "reviewer" },
  { email: "viewer@example.com", name: "Vic Viewer", role: "viewer" },
];

export const DEMO_EMAILS = DEMO_ACCOUNTS.map((a) => a.email);

const DEMO_PROMPTS = [
  {
    name: "support/triage",
    type: "chat" as const,
    description: "Classifies an incoming support ticket and drafts a first reply.",
    tags: ["support", "classification"],
    messages: [
      { role: "system" as const, content: "You are a support triage assistant for {{product}}. Classify tickets as billing, bug or question." },
      { role: "user" as const, content: "Ticket from {{customer_name}}:\n{{ticket_body}}" },
    ],
    commitMessage: "First triage prompt",
  },
  {
    name: "marketing/tagline",
    type: "text" as const,
    description: "Writes a one-line tagline for a product launch.",
    tags: ["marketing"],
    template: "Write a tagline for {{product}} aimed at {{audience}}. Keep it under 12 words.",
    commitMessage: "Initial tagline prompt",
  },
  {
    name: "summarise-call",
    type: "text" as const,
    description: "Summarises a sales call transcript into action items.",
    tags: ["sales", "summarisation"],
    template: "Summarise this call in three bullet points, then list action items.\n\n{{transcript}}",
    commitMessage: "Call summary v1",
  },
];

/**
 * Creates the Demo workspace with one account per role, only on a database with no users,
 * so it can never overwrite a real installation. Returns whether it seeded anything.
 */
export async function seedDemoWorkspace(db: Db): Promise<{ seeded: boolean }> {
  if (await first(db.select({ id: users.id }).from(users))) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await transaction(async (tx) => {
    if (await first(tx.select({ id: users.id }).from(users))) return null;
    const demo = await only(tx.insert(workspaces).values({ name: "Demo", slug: "demo", isDemo: true }).returning());
    const sandbox = await only(tx.insert(workspaces).values({ name: "Sandbox", slug: "sandbox", isDemo: true }).returning());
    // Each account as the principal the features' manage modules take, so the seeds act as these members.
    const members = new Map<Role, UserPrincipal>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await only(tx.insert(users).values({ email: account.email, name: account.name, passwordHash }).returning());
      await tx.insert(memberships).values({ workspaceId: demo.id, userId: user.id, role: account.role });
      members.set(account.role, { kind: "user", workspaceId: demo.id, user: { id: user.id, email: user.email, name: user.name }, role: account.role });
    }
    // A second workspace so the switcher and the cross-workspace checks have something to show.
    await tx.insert(memberships).values({ workspaceId: sandbox.id, userId: members.get("admin")!.user.id, role: "admin" });
    // The prompts are the editor's, created and saved through the registry's one writer like any other.
    const editor = members.get("editor")!;
    for (const p of DEMO_PROMPTS) {
      const prompt = await createPromptInTransaction(tx, editor, { name: p.name, type: p.type, description: p.description, tags: p.tags });
      const content = {
        type: p.type,
        template: "template" in p ? (p.template ?? null) : null,
        messages: "messages" in p ? (p.messages ?? null) : null,
        modelConfig: { model: "offline:demo", temperature: 0.7, maxOutputTokens: 512 },
      };
      await saveVersionInTransaction(tx, editor, { promptId: prompt.id, content, commitMessage: p.commitMessage, expectedParentVersion: null });
    }
    await recordAudit(tx, {
      workspaceId: demo.id,
      actor: { userId: null, label: "system" },
      action: "demo.seeded",
      objectType: "workspace",
      objectId: demo.id,
      after: { accounts: DEMO_EMAILS, prompts: DEMO_PROMPTS.map((p) => p.name) },
    });
    return { workspaceId: demo.id, members };
  });
  if (!seeded) return { seeded: false };
  await seedDeployments(db, seeded);
  await seedDemoDatasets(seeded);
  await seedDemoEvalRuns(db, seeded);
  await seedDemoRedTeam(db, seeded);
  await seedDemoReview(db, seeded);
  await seedDemoOptimization(seeded);
  return { seeded: true };
}

/**
 * Every demo prompt serves v1 in Development, Staging and (through an approved promotion) Production, so the
 * Deployments tab, the list's Serving column and the delivery API have something real to show.
 */
async function seedDeployments(db: Db, { workspaceId, members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  const lead = members.get("lead")!;
  const environments = await listEnvironments(db, { workspaceId });
  const environment = (slug: string) => environments.find((e) => e.slug === slug)!.id;
  for (const p of DEMO_PROMPTS) {
    const prompt = (await findPromptByName(db, { workspaceId, name: p.name }))!;
    const move = (slug: string) => ({ promptId: prompt.id, environmentId: environment(slug), version: 1, comment: "Initial release" });
    await deployVersion(editor, move("development"));
    await deployVersion(editor, move("staging"));
    const { requestId } = await requestPromotion(editor, move("production"));
    await approvePromotion(lead, { requestId, reason: "Reviewed in staging" });
  }
}

/** True while any demo account can still sign in; the UI shows a banner then. */
export async function demoAccountsActive(db: Db = getDb()): Promise<boolean> {
  const accounts = await db.select({ disabledAt: users.disabledAt }).from(users).where(inArray(users.email, DEMO_EMAILS));
  return accounts.some((user) => user.disabledAt === null);
}
