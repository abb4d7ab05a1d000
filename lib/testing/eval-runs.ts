import { getDb } from "@/db";
import { only } from "@/db/first";
import { eq } from "drizzle-orm";
import { datasetCases, datasets, evalResults, type ScorerConfig } from "@/db/schema";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import type { CreateEvalRunInput } from "@/lib/evals/runs/schemas";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import { makeWorkspace } from "./factories";

// Test data for eval runs: until the datasets module lands, datasets are inserted here directly.

/** A dataset with `count` cases whose variable `name` is "Case <i>" (so each case sends a distinct prompt). */
export async function makeDataset({
  workspaceId,
  name = `ds-${crypto.randomUUID().slice(0, 8)}`,
  count,
  defaultScorers = [],
  caseAt = (i) => ({ variables: { name: `Case ${i}` } }),
}: {
  workspaceId: string;
  name?: string;
  count: number;
  defaultScorers?: ScorerConfig[];
  caseAt?: (i: number) => { variables: Record<string, string>; expectedOutput?: string | null; assertions?: ScorerConfig[]; tags?: string[] };
}) {
  const db = getDb();
  const dataset = await only(db.insert(datasets).values({ workspaceId, name, defaultScorers }).returning());
  const rows = Array.from({ length: count }, (_, i) => ({ datasetId: dataset.id, position: i + 1, ...caseAt(i + 1) }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(datasetCases).values(rows.slice(i, i + 500));
  return dataset;
}

export const containsScorer = (value: string, key = "contains-1"): ScorerConfig => ({ key, type: "contains", label: `contains "${value}"`, params: { value } });

/**
 * A workspace (admin, editor, viewer) with a "fx" provider on the fixture server and a text prompt "greet"
 * (v1 "Say hello to {{name}}." on fx:echo), so the fixture answers "Echo: Say hello to Case 7." for case 7.
 */
export async function makeEvalWorkspace({ fixtureUrl, models = "echo, flaky-5, hang, fail-500, fail-401, slow-40" }: { fixtureUrl: string; models?: string }) {
  const { workspace, members } = await makeWorkspace(["admin", "editor", "viewer"]);
  const [admin, editor, viewer] = members.map((m) => m.ctx) as [(typeof members)[0]["ctx"], (typeof members)[0]["ctx"], (typeof members)[0]["ctx"]];
  await saveProvider(admin, { slug: "fx", kind: "openai-compatible", label: "Fixture", baseUrl: fixtureUrl, apiKey: "", models });
  const { id: promptId } = await createPrompt(editor, { name: "greet", type: "text", description: "", tags: [] });
  await saveVersion(editor, {
    promptId,
    body: { type: "text", template: "Say hello to {{name}}." },
    modelConfig: { model: "fx:echo" },
    commitMessage: "v1",
    expectedParentVersion: null,
  });
  return {
    workspace,
    promptId,
    admin: userPrincipal(admin),
    editor: userPrincipal(editor),
    viewer: userPrincipal(viewer),
    adminCtx: admin,
  };
}

/**
 * A queued run over a new dataset of `cases` cases (see makeDataset): of the workspace's "greet" v1 unless `targets`
 * says otherwise, with the rest of the run as given.
 */
export async function createRunOverCases(
  ws: Awaited<ReturnType<typeof makeEvalWorkspace>>,
  { cases, ...run }: { cases: number } & Omit<CreateEvalRunInput, "datasetId" | "promptId" | "targets"> & Partial<Pick<CreateEvalRunInput, "targets">>,
) {
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: cases });
  return createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], ...run });
}

/** Every result row of a run, straight from the database. */
export async function resultsOf(runId: string) {
  return await getDb().select().from(evalResults).where(eq(evalResults.runId, runId));
}

/** Polls until `check` holds, failing after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
