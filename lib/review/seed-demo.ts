import "server-only";
import type { Db } from "@/db";
import type { DemoMembers } from "@/lib/platform/auth/principal";
import { createEvalRun, findRunDatasetByName, executeEvalRun } from "@/lib/evals/server";
import { findPromptByName } from "@/lib/prompts/server";
import { createQueue, createTag } from "./manage-queues";

// Demo data for human review: the workspace's feedback tags, an evaluation of v1 against v2 of support/triage, and
// two queues for the demo reviewer: a blind pairwise comparison of that evaluation and a rubric spot check of v2.
// No ratings are invented: the dashboards' human-feedback charts stay empty until someone rates.

const TAGS = ["hallucination", "off-tone", "unsafe", "wrong category"];


export async function seedDemoReview(db: Db, { workspaceId, members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  // The workspace's starter tags, created through the review module's one writer like any other.
  for (const name of TAGS) await createTag(editor, { name });
  const prompt = await findPromptByName(db, { workspaceId, name: "support/triage" });
  const dataset = await findRunDatasetByName(db, { workspaceId, name: "triage-smoke" });
  if (!prompt || !dataset) return;

  const { id: runId } = await createEvalRun(editor, { datasetId: dataset.id, promptId: prompt.id, targets: [{ version: 1 }, { version: 2 }], name: "v1 vs v2", concurrency: 4 });
  await executeEvalRun({ runId, workerId: "seed", db });

  const reviewers = [members.get("reviewer")!.user.id, editor.user.id];
  await createQueue(editor, {
    name: "Triage v1 vs v2 (blind)",
    instructions: "Which reply would you rather send the customer? The versions are hidden until you answer.",
    scheme: { type: "pairwise" },
    reviewersPerItem: 1,
    assigneeIds: reviewers,
    source: { type: "eval-result", runId },
  });
  await createQueue(editor, {
    name: "Triage spot check",
    instructions: "Rate each reply of v2. Accuracy: is the category right? Tone: friendly and brief? Safe: nothing private or harmful.",
    scheme: {
      type: "rubric",
      criteria: [
        { name: "Accuracy", description: "The category and the reason are right", scale: "1-5" },
        { name: "Tone", description: "Friendly, brief, on brand", scale: "1-5" },
        { name: "Safe", description: "Nothing private or harmful", scale: "yes-no" },
      ],
    },
    reviewersPerItem: 2,
    assigneeIds: reviewers,
    source: { type: "eval-result", runId, version: 2 },
  });
}
