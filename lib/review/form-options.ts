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

export function loadNewQueueOptions({ workspaceId }: { workspaceId: string }): NewQueueOptions {
  const db = getDb();
  return {
    prompts: listRunnablePrompts({ workspaceId }).map((p) => ({ id: p.id, name: p.name, versions: listVersions({ promptId: p.id }).slice(0, 30).map(({ version }) => version.version) })),
    environments: listEnvironments(db, { workspaceId }).map((e) => ({ id: e.id, name: e.name })),
    evalRuns: listReviewableEvalRuns(db, { workspaceId }).map((r) => ({
      id: r.id,
      label: `${r.promptName ?? "?"} ${r.versions} on ${r.datasetName}${r.name ? ` (${r.name})` : ""} · ${new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")}`,
      targetCount: r.targetCount,
    })),
    members: listAssignableMembers(workspaceId),
  };
}
