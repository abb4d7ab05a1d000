// The Demo workspace plus what it lacks: a row in every table of the schema, each made the way the studio makes it
// (the features' domain functions), for tests that must see every table filled (db/copy/copy-database.test.ts).
// The demo has no sessions, sign-in throttling, providers, API keys, webhooks, playground runs, variable sets,
// production generations and feedback, human ratings, eval leases or guard policy refusals until someone uses the
// studio.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { memberships, reviewItems, reviewQueues, users, workspaces } from "@/db/schema";
import { seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import { createEvalRun, findRunDatasetByName } from "@/lib/evals/server";
import { leaseCases } from "@/lib/evals/runs/manage-leases";
import { reportGeneration, sendFeedback } from "@/lib/feedback/generations/manage-generations";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { authenticateApiKey } from "@/lib/platform/api-keys/authenticate";
import type { AuthContext } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { createSession, reserveLoginAttempt } from "@/lib/platform/auth/queries";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import { createWebhook, sendTestEvent } from "@/lib/platform/webhooks/manage-webhooks";
import { createWebhookWorker } from "@/lib/platform/webhooks/worker";
import { executeRun } from "@/lib/playground/execute-run";
import { saveVariableSet } from "@/lib/playground/manage-variable-sets";
import { prepareRun } from "@/lib/playground/prepare-run";
import { findPromptByName } from "@/lib/prompts/server";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { renderPrompt } from "@/lib/api/read-endpoints";
import { createDeliveryState } from "@/lib/api/state";
import { AppError } from "@/lib/core/errors";
import { rateItem } from "@/lib/review/manage-ratings";
import { runColumnInput } from "./run-column";

/** A demo member as a signed-in session would see them. */
async function demoContext(email: string): Promise<AuthContext> {
  const db = getDb();
  const workspace = (await first(db.select().from(workspaces).where(eq(workspaces.slug, "demo"))))!;
  const user = (await first(db.select().from(users).where(eq(users.email, email))))!;
  const membership = (await first(db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, user.id)))))!;
  const summary = { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: workspace.isDemo };
  return {
    user: { id: user.id, email: user.email, name: user.name },
    sessionId: "every-table",
    workspaceId: workspace.id,
    workspace: summary,
    role: membership.role,
    workspaces: [{ ...summary, role: membership.role }],
  };
}

/** Seeds the Demo workspace into the test database, then adds a few rows to every table it leaves empty. */
export async function seedEveryTable(): Promise<void> {
  const db = getDb();
  await seedDemoWorkspace(db);
  const [admin, editor, reviewer] = await Promise.all(["admin@example.com", "editor@example.com", "reviewer@example.com"].map(demoContext));
  const workspaceId = admin!.workspaceId;
  const triage = (await findPromptByName(db, { workspaceId, name: "support/triage" }))!;

  await createSession({ userId: editor!.user.id, userAgent: "Mozilla/5.0 (every-table)", ttlMs: 86_400_000 });
  await reserveLoginAttempt({ limits: [{ key: "email:editor@example.com", max: 5 }], now: new Date(), windowMs: 900_000 });
  await saveProvider(admin!, { slug: "local", kind: "openai-compatible", label: "Local models", baseUrl: "http://127.0.0.1:11434/v1", apiKey: "sk-local-0123456789", models: "llama3, qwen" });

  // Production telemetry through a read-write key, with text that JSON and SQL both have to carry intact.
  const { secret } = await createApiKey(admin!, { name: "Support app", scope: "read-write" });
  const app = await authenticateApiKey(`Bearer ${secret}`);
  const { id: generationId } = await reportGeneration(app, {
    prompt: triage.name,
    label: "production",
    variables: { product: "Acme \"Pro\"", customer_name: "Zoë O'Brien", ticket_body: "Line 1\nLine 2\t🎉 \\ back\\slash" },
    output: "Category: billing — “refund” requested.",
    model: "offline:demo",
    usage: { inputTokens: 42, outputTokens: 7, costUsd: 0.000123 },
    latencyMs: 250,
    metadata: { ticket: 4711, nested: { tags: ["a", "b"], ok: true, none: null } },
  });
  await sendFeedback(app, { generationId, score: 1, scale: "thumbs" });
  await sendFeedback(app, { generationId, score: 4, scale: "1-5", comment: "Close enough", metadata: { from: "widget" } });

  // A guarded version, and a render its policy refuses (guard_block_counts).
  const guarded = await createPrompt(editor!, { name: "every-table/guarded", type: "text", description: "", tags: [] });
  await saveVersion(editor!, { promptId: guarded.id, body: { type: "text", template: "Answer {{question}}" }, modelConfig: { guard: { words: ["refund"], pii: "mask" } }, commitMessage: "guarded", expectedParentVersion: null });
  const refused = await Promise.resolve()
    .then(() => renderPrompt(createDeliveryState(), app, guarded.name, { version: 1, variables: { question: "A refund, please" } }))
    .catch((error: unknown) => error);
  if (!(refused instanceof AppError) || refused.status !== 422) throw new Error("the guard policy did not refuse the render");

  // A webhook, a test event for it and one delivery attempt (answered without a network).
  const hook = await createWebhook(admin!, { url: "https://hooks.example.com/studio", description: "CI" });
  await sendTestEvent(admin!, { id: hook.id });
  await createWebhookWorker({ fetchImpl: async () => new Response("ok", { status: 200 }) }).runPass();

  // A playground run on the offline demo model, and a saved set of variables.
  const variables = { product: "Acme", customer_name: "Ada", ticket_body: "I was charged twice." };
  const prepared = await prepareRun(editor!, runColumnInput({ promptId: triage.id, modelId: "offline:demo", variables }));
  await executeRun({ prepared });
  await saveVariableSet(editor!, { promptId: triage.id, name: "Double charge", values: variables });

  // The demo reviewer rates the first item of the rubric queue (rating_scores) and of the blind pairwise one.
  const queues = await db.select().from(reviewQueues).where(eq(reviewQueues.workspaceId, workspaceId));
  for (const queue of queues) {
    const item = (await first(db.select().from(reviewItems).where(eq(reviewItems.queueId, queue.id)).orderBy(asc(reviewItems.position))))!;
    const value =
      queue.scheme.type === "rubric"
        ? { type: "rubric" as const, criteria: Object.fromEntries(queue.scheme.criteria.map((c, i) => [c.name, c.scale === "yes-no" ? 1 : 4 - i])) }
        : { type: "pairwise" as const, choice: "A" as const };
    await rateItem(userPrincipal(reviewer!), { itemId: item.id, value, comment: "Looks right", tags: ["off-tone"] });
  }

  // A queued eval run with two of its cases leased by a worker.
  const dataset = (await findRunDatasetByName(db, { workspaceId, name: "triage-smoke" }))!;
  const { id: runId } = await createEvalRun(userPrincipal(editor!), { datasetId: dataset.id, promptId: triage.id, targets: [{ version: 1 }], name: "leased" });
  await leaseCases({ runId, workerId: "every-table", now: Date.now(), leaseMs: 600_000, limit: 2 });
}
