import "server-only";
import { getDb } from "@/db";
import { findRunDataset } from "../runs/queries";
import { latestCompletedTarget, latestSharedDataset } from "./latest-runs";
import { aggregateTarget } from "./queries";

// What a promotion reviewer sees about quality: the candidate's and the served version's latest completed
// evaluations on one dataset (the environment's gate dataset, else the one both were most recently run on),
// and a link to the full per-case comparison.

export interface VersionEval {
  version: number;
  runId: string;
  passRate: number | null;
  meanScore: number | null;
  done: number;
  /** Of `done`, the results with no scorer (left out of passRate). */
  unscored: number;
}

export interface PromotionEvals {
  datasetId: string;
  datasetName: string;
  candidate: VersionEval | null;
  served: VersionEval | null;
  compareHref: string | null;
}

export async function loadPromotionEvals({
  promptId,
  candidate,
  served,
  gateDatasetId,
}: {
  promptId: string;
  candidate: number;
  served: number | null;
  gateDatasetId: string | null;
}): Promise<PromotionEvals | null> {
  const datasetId =
    gateDatasetId ??
    (served !== null ? await latestSharedDataset({ promptId, a: candidate, b: served }) : null) ??
    (await latestCompletedTarget({ promptId, version: candidate }))?.datasetId ??
    null;
  if (!datasetId) return null;
  const read = async (version: number): Promise<{ view: VersionEval; targetId: string } | null> => {
    const latest = await latestCompletedTarget({ promptId, version, datasetId });
    if (!latest) return null;
    const summary = await aggregateTarget(latest.targetId);
    return { view: { version, runId: latest.runId, passRate: summary.passRate, meanScore: summary.meanScore, done: summary.done, unscored: summary.unscored }, targetId: latest.targetId };
  };
  const [c, s, dataset] = await Promise.all([read(candidate), served === null ? null : read(served), findRunDataset(getDb(), { datasetId })]);
  return {
    datasetId,
    datasetName: dataset?.name ?? "",
    candidate: c?.view ?? null,
    served: s?.view ?? null,
    compareHref: c && s ? `/evaluations/compare?a=${s.view.runId}&at=${s.targetId}&b=${c.view.runId}&bt=${c.targetId}` : null,
  };
}
