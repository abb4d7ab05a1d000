import "server-only";
import type { Db } from "@/db";
import type { ScorerConfig } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { appendCases, insertAuditedDataset } from "@/lib/datasets/server";
import type { DemoMembers, UserPrincipal } from "@/lib/platform/auth/principal";
import { findLatestVersion, findPromptByName, saveVersion } from "@/lib/prompts/server";
import { createEvalRun } from "./manage-runs";
import { findRunDatasetByName } from "./queries";
import { executeEvalRun } from "./runner";

// Demo data for evaluations: two finished runs of support/triage on "triage-smoke" with the offline model, v1 and a
// v2 added here, so the runs list, a run page and trend charts have something real to show on a fresh install.

const SMOKE_SCORERS: ScorerConfig[] = [{ key: "icontains-1", type: "icontains", label: 'icontains "ticket"', params: { value: "ticket" } }];

/**
 * The triage tickets, each with the reply a good triage gives (its category, then the issue in a line): the expected
 * output an LLM judge, or the offline judge's word overlap, compares the model's reply with.
 */
export const SMOKE_CASES = [
  { customer_name: "Ana", ticket_body: "I was charged twice for my subscription this month.", expect: "charged", expectedOutput: "Billing: charged twice for the subscription this month." },
  { customer_name: "Ben", ticket_body: "The export button crashes the app on Safari.", expect: "crashes", expectedOutput: "Bug: the export button crashes on Safari." },
  { customer_name: "Chen", ticket_body: "How do I invite a colleague to my workspace?", expect: "invite", expectedOutput: "Question: how to invite a colleague to the workspace." },
  { customer_name: "Dara", ticket_body: "Refund please, I cancelled before renewal.", expect: "refund", expectedOutput: "Billing: refund the renewal Dara cancelled." },
  { customer_name: "Eli", ticket_body: "Dark mode text is unreadable in settings.", expect: "billing", expectedOutput: "Bug: dark mode text is unreadable in settings." },
  { customer_name: "Fay", ticket_body: "Can I pay by invoice instead of card?", expect: "invoice", expectedOutput: "Question: paying by invoice instead of card." },
];

/** The dataset the datasets module seeds; created here in a minimal form only if it is missing. */
async function ensureSmokeDataset(db: Db, editor: UserPrincipal) {
  const existing = await findRunDatasetByName(db, { workspaceId: editor.workspaceId, name: "triage-smoke" });
  if (existing) return existing;
  return transaction(async (tx) => {
    const dataset = await insertAuditedDataset(tx, editor, { name: "triage-smoke", description: "A few support tickets to smoke-test support/triage.", defaultScorers: SMOKE_SCORERS });
    await appendCases(
      tx,
      dataset,
      SMOKE_CASES.map((c) => ({
        variables: { product: "PromptOps", customer_name: c.customer_name, ticket_body: c.ticket_body },
        expectedOutput: c.expectedOutput,
        // One case expects a word the reply will not contain, so the demo shows a failure to open.
        assertions: [{ key: "mentions", type: "icontains", label: `icontains "${c.expect}"`, params: { value: c.expect } }],
      })),
    );
    return dataset;
  });
}

export async function seedDemoEvalRuns(db: Db, { workspaceId, members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  const prompt = await findPromptByName(db, { workspaceId, name: "support/triage" });
  if (!prompt) return;
  const dataset = await ensureSmokeDataset(db, editor);

  const v1 = (await findLatestVersion(db, { promptId: prompt.id }))!;
  const messages = v1.messages ?? [];
  await saveVersion(editor, {
    promptId: prompt.id,
    body: {
      type: "chat",
      messages: messages.map((m, i) => (i === 0 ? { ...m, content: `${m.content} Start your answer with the category, then one sentence why.` } : m)),
    },
    modelConfig: v1.modelConfig,
    commitMessage: "Ask for the category first",
    expectedParentVersion: v1.version,
  });

  for (const version of [1, 2]) {
    const { id } = await createEvalRun(editor, {
      datasetId: dataset.id,
      promptId: prompt.id,
      targets: [{ version }],
      ...(dataset.defaultScorers.length === 0 ? { scorers: SMOKE_SCORERS } : {}),
      concurrency: 4,
    });
    await executeEvalRun({ runId: id, workerId: "seed", db });
  }
}
