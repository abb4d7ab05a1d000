import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { first, only } from "@/db/first";
import {
  datasets,
  environments,
  evalResults,
  evalRunCases,
  evalRuns,
  evalRunTargets,
  evalScores,
  generationFeedback,
  generations,
  prompts,
  promptVersions,
  ratings,
  ratingScores,
  reviewItems,
  reviewQueues,
  type RatingScheme,
  type RatingValue,
  type ReviewSourceType,
  type ScorerConfig,
} from "@/db/schema";

// Hand-built feedback data for the dashboard tests: rows inserted directly with chosen timestamps, so every
// expected average, count and day is known exactly.

export const DAY = 86_400_000;

export async function addPrompt({ workspaceId, name, versions = 3 }: { workspaceId: string; name: string; versions?: number }): Promise<string> {
  const db = getDb();
  const prompt = await only(db.insert(prompts).values({ workspaceId, name, type: "text" }).returning());
  for (let version = 1; version <= versions; version++) await db.insert(promptVersions).values({ promptId: prompt.id, version, type: "text", template: `v${version} {{q}}`, commitMessage: `v${version}` });
  return prompt.id;
}

export async function environmentId(workspaceId: string, slug: "development" | "staging" | "production"): Promise<string> {
  return (await first(getDb().select().from(environments).where(and(eq(environments.workspaceId, workspaceId), eq(environments.slug, slug)))))!.id;
}

export async function addQueue({ workspaceId, scheme, name = `queue-${crypto.randomUUID().slice(0, 8)}` }: { workspaceId: string; scheme: RatingScheme; name?: string }): Promise<string> {
  return (await only(getDb().insert(reviewQueues).values({ workspaceId, name, scheme }).returning())).id;
}

let position = 0;

export async function addItem(item: {
  queueId: string;
  promptId: string;
  version: number | null;
  sourceType?: ReviewSourceType;
  sourceId?: string;
  environmentId?: string | null;
  modelId?: string;
  pairVersion?: number;
  pairModelId?: string;
  output?: string;
}): Promise<string> {
  const pairwise = item.pairVersion !== undefined;
  const row = await only(
    getDb()
      .insert(reviewItems)
      .values({
        queueId: item.queueId,
        position: ++position,
        sourceType: item.sourceType ?? "generation",
        sourceId: item.sourceId ?? crypto.randomUUID(),
        pairSourceId: pairwise ? crypto.randomUUID() : "",
        promptId: item.promptId,
        version: item.version,
        environmentId: item.environmentId ?? null,
        modelId: item.modelId ?? "fx:echo",
        variables: {},
        output: item.output ?? "An answer.",
        pairVersion: item.pairVersion ?? null,
        pairModelId: pairwise ? (item.pairModelId ?? item.modelId ?? "fx:echo") : null,
        pairOutput: pairwise ? "Another answer." : null,
      })
      .returning(),
  );
  return row.id;
}

/** A rating with its rating_scores rows, scored as the review domain scores them. */
export async function addRating(rating: {
  workspaceId: string;
  queueId: string;
  itemId: string;
  reviewerId: string;
  value: RatingValue;
  at: number;
  /** rubric: criterion → [raw value, 0..1 score] */
  criteria?: Record<string, [number, number]>;
  comment?: string;
  tags?: string[];
}): Promise<string> {
  const { value } = rating;
  const criteria: [string, number, number][] =
    value.type === "thumbs"
      ? [["overall", value.up ? 1 : 0, value.up ? 1 : 0]]
      : value.type === "scale"
        ? [["overall", value.value, (value.value - 1) / 4]]
        : Object.entries(rating.criteria ?? {}).map(([name, [raw, score]]) => [name, raw, score]);
  const score = value.type === "pairwise" ? null : criteria.reduce((sum, c) => sum + c[2], 0) / criteria.length;
  const db = getDb();
  const row = await only(
    db
      .insert(ratings)
      .values({
        workspaceId: rating.workspaceId,
        queueId: rating.queueId,
        itemId: rating.itemId,
        reviewerId: rating.reviewerId,
        value,
        score,
        comment: rating.comment ?? "",
        tags: rating.tags ?? [],
        createdAt: new Date(rating.at),
        updatedAt: new Date(rating.at),
      })
      .returning(),
  );
  for (const [criterion, raw, s] of criteria) await db.insert(ratingScores).values({ ratingId: row.id, criterion, value: raw, score: s });
  return row.id;
}

export async function addGeneration(g: { workspaceId: string; promptId: string; version: number; environmentId: string | null; modelId?: string; at: number; feedback?: number[] }): Promise<string> {
  const db = getDb();
  const row = await only(
    db
      .insert(generations)
      .values({ workspaceId: g.workspaceId, promptId: g.promptId, version: g.version, environmentId: g.environmentId, variables: {}, output: "Hi", modelId: g.modelId ?? "fx:echo", createdAt: new Date(g.at) })
      .returning(),
  );
  for (const score of g.feedback ?? []) await db.insert(generationFeedback).values({ workspaceId: g.workspaceId, generationId: row.id, score, createdAt: new Date(g.at + 60_000) });
  return row.id;
}

export async function addDataset(workspaceId: string): Promise<string> {
  return (await only(getDb().insert(datasets).values({ workspaceId, name: `ds-${crypto.randomUUID().slice(0, 8)}` }).returning())).id;
}

export async function addEvalRun({ workspaceId, datasetId, scorers, at }: { workspaceId: string; datasetId: string; scorers: ScorerConfig[]; at: number }): Promise<string> {
  const run = await only(
    getDb()
      .insert(evalRuns)
      .values({ workspaceId, datasetId, status: "completed", scorers, totalCases: 1, createdAt: new Date(at), finishedAt: new Date(at) })
      .returning(),
  );
  return run.id;
}

/** One result of a run (its own target and case), with one eval_scores row per given score. */
export async function addEvalResult(r: {
  runId: string;
  promptId: string;
  version: number;
  assertions?: ScorerConfig[];
  scores: { key: string; score: number | null; passed: boolean; error?: boolean }[];
}): Promise<string> {
  const db = getDb();
  const target = await only(db.insert(evalRunTargets).values({ runId: r.runId, position: ++position, promptId: r.promptId, version: r.version, modelId: "fx:echo" }).returning());
  const runCase = await only(db.insert(evalRunCases).values({ runId: r.runId, position: ++position, variables: {}, assertions: r.assertions ?? [] }).returning());
  const result = await only(db.insert(evalResults).values({ runId: r.runId, targetId: target.id, runCaseId: runCase.id, status: "passed", score: 1 }).returning());
  for (const s of r.scores) await db.insert(evalScores).values({ resultId: result.id, runId: r.runId, targetId: target.id, scorerKey: s.key, score: s.score, passed: s.passed, error: s.error ?? false });
  return result.id;
}

export const judgeScorer = (key = "judge"): ScorerConfig => ({ key, type: "llm-rubric", label: "Judge", params: { promptName: "judges/rubric", rubric: "Helpful." } });
export const containsConfig = (key = "contains-1"): ScorerConfig => ({ key, type: "contains", label: "contains", params: { value: "x" } });
