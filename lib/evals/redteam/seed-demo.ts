import "server-only";
import type { Db } from "@/db";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";
import { createRedTeamDataset } from "@/lib/datasets/server";
import type { DemoMembers } from "@/lib/platform/auth/principal";
import { OFFLINE_MODEL_ID } from "@/lib/platform/models/catalog";
import { findPromptByName } from "@/lib/prompts/server";
import { createEvalRun } from "../runs/manage-runs";
import { executeEvalRun } from "../runs/runner";

// Demo data for red-teaming: a red-team dataset of support/triage's latest version (every category, no paraphrases)
// and one finished run of it on the offline model, so the run page and the dashboard card show attack success on a
// fresh install. The offline model is not a language model and defends against nothing: most attacks "succeed".

export async function seedDemoRedTeam(db: Db, { workspaceId, members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  const prompt = await findPromptByName(db, { workspaceId, name: "support/triage" });
  if (!prompt) return;
  const dataset = await createRedTeamDataset(editor, { promptId: prompt.id, categories: [...ATTACK_CATEGORIES] });
  const { id } = await createEvalRun(editor, { datasetId: dataset.id, promptId: prompt.id, targets: [{ label: "latest" }], modelId: OFFLINE_MODEL_ID, concurrency: 8 });
  await executeEvalRun({ runId: id, workerId: "seed", db });
}
