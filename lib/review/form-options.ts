import "server-only";
import { getDb } from "@/db";
import { listEnvironments } from "@/lib/serving/server";
import { listRunnablePrompts } from "@/lib/evals/server";
import { listVersions } from "@/lib/prompts/server";
import { listAssignableMembers } from "./load-queues";
import { listReviewableEvalRuns } from "./queries";

// What the "New queue" form offers: where items can come from, and who can review them.

export interface NewQueueOptions {
  prompts: { id: string; name: string; versions: number[] }[];
  environments: { id: string; name: string }[];
  evalRuns: { id: string; label: string; targetCount: number }[];
  members: { userId: string; email: string; name: string; role: string }[];
}

export async function loadNewQueueOptions({ workspaceId }: { workspaceId: string }): Promise<NewQueueOptions> {
  const db = getDb();
  const [runnable, environments, evalRuns, members] = await Promise.all([
    listRunnablePrompts({ workspaceId }),
    listEnvironments(db, { workspaceId }),
    listReviewableEvalRuns(db, { workspaceId }),
    listAssignableMembers(workspaceId),
  ]);
  const prompts = await Promise.all(
    runnable.map(async (p) => ({ id: p.id, name: p.name, versions: (await listVersions({ promptId: p.id })).slice(0, 30).map(({ version }) => version.version) })),
  );
  return {
    prompts,
    environments: environments.map((e) => ({ id: e.id, name: e.name })),
    evalRuns: evalRuns.map((r) => ({
      id: r.id,
      label: `${r.promptName ?? "?"} ${r.versions} on ${r.datasetName}${r.name ? ` (${r.name})` : ""} · ${new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")}`,
      targetCount: r.targetCount,
    })),
    members,
  };
}
