import "server-only";
import type { ScorerConfig } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { appendCases, insertAuditedDataset } from "@/lib/datasets/server";
import type { DemoMembers } from "@/lib/platform/auth/principal";
import { demoTickets } from "@/lib/platform/models/simulated-task/task";
import { createPrompt, saveVersion } from "@/lib/prompts/server";
import { driveOptimization } from "./drive";
import { startOptimization } from "./manage-optimizations";

// The demo's optimization: a weak ticket-triage prompt on the simulated task model, 120 labelled tickets, and one
// finished run of "both" on them, run for real at seed time (two to four seconds on the offline models), so the
// Optimize tab shows a leaderboard, a chart and a held-out verdict a newcomer can save as a new version.

export const DEMO_OPTIMIZATION = { prompt: "support/ticket-triage", dataset: "support-tickets", seed: 7 } as const;

const LABEL_SCORER: ScorerConfig = { key: "label", type: "equals", label: "equals the expected label", params: { trim: true } };

export async function seedDemoOptimization({ members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  const { id: promptId } = await createPrompt(editor, {
    name: DEMO_OPTIMIZATION.prompt,
    type: "text",
    description: "Labels a support ticket billing, bug, feature or praise. Its first draft is weak: see the Optimize tab.",
    tags: ["support", "optimizer"],
  });
  await saveVersion(editor, {
    promptId,
    body: { type: "text", template: "Classify this ticket:\n{{ticket}}" },
    modelConfig: { model: "offline:ticket-triage" },
    commitMessage: "First draft",
    expectedParentVersion: null,
  });
  const dataset = await transaction(async (tx) => {
    const created = await insertAuditedDataset(tx, editor, {
      name: DEMO_OPTIMIZATION.dataset,
      description: "120 support tickets, each tagged with its label (the optimizer stratifies its split by the tag).",
      defaultScorers: [LABEL_SCORER],
    });
    await appendCases(
      tx,
      created,
      demoTickets(120, DEMO_OPTIMIZATION.seed).map((t) => ({ variables: { ticket: t.ticket }, expectedOutput: t.label, tags: [t.label] })),
    );
    return created;
  });
  const { id } = await startOptimization(editor, {
    promptId,
    datasetId: dataset.id,
    metric: [{ scorer: LABEL_SCORER, weight: 1 }],
    taskModelId: "offline:ticket-triage",
    proposerModelId: "offline:demo",
    strategy: "both",
    // Three rounds (demonstrations, rewrites, demonstrations on the best rewrite) of three candidates: every kind of
    // row on the leaderboard, in a few seconds of seeding.
    rounds: 3,
    candidatesPerRound: 3,
    budget: { candidates: 9, modelCalls: 1_500, costUsd: 5, wallMinutes: 10 },
    seed: DEMO_OPTIMIZATION.seed,
    concurrency: 16,
  });
  await driveOptimization({ runId: id, workerId: "seed" });
}
