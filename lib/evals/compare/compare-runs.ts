import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { findEvalRun, findRunDataset, listEvalRunTargets } from "../runs/queries";
import { classifyChange, delta, type CaseChange } from "./classify";
import { aggregateTarget, aggregateTargetScorers, listTargetCases, type TargetAggregate, type TargetCaseRow } from "./queries";

// Two sides, each a (run, target): A is the baseline, B the candidate. Cases are matched by the dataset case they
// were copied from (by position when a case has none), so runs of different snapshots of one dataset still line
// up; runs of different datasets are refused rather than compared by position.

export const compareQuerySchema = z.object({
  a: z.string().min(1, "Choose the baseline run."),
  b: z.string().min(1, "Choose the candidate run."),
  at: z.string().optional(),
  bt: z.string().optional(),
});

export interface CompareSide {
  runId: string;
  runName: string;
  targetId: string;
  label: string;
  createdAt: string;
  summary: TargetAggregate;
}

export interface CompareCell {
  resultId: string | null;
  status: TargetCaseRow["status"];
  score: number | null;
  output: string | null;
  latencyMs: number | null;
}

export interface CompareRow {
  key: string;
  position: number;
  variables: Record<string, string>;
  a: CompareCell | null;
  b: CompareCell | null;
  change: CaseChange;
}

export interface RunComparison {
  dataset: { id: string; name: string };
  a: CompareSide;
  b: CompareSide;
  deltas: { passRate: number | null; meanScore: number | null; costUsd: number | null; latencyP50Ms: number | null; latencyP95Ms: number | null };
  scorers: { key: string; label: string; a: { passRate: number | null; meanScore: number | null } | null; b: { passRate: number | null; meanScore: number | null } | null }[];
  counts: Record<CaseChange, number>;
  rows: CompareRow[];
}

async function loadSide(principal: Principal, runId: string, targetId: string | undefined, fallbackPosition: number) {
  const db = getDb();
  const run = await findEvalRun(db, { runId });
  requireSameWorkspace(principal, run, "That evaluation");
  const targets = await listEvalRunTargets(db, { runId });
  const target = targetId ? targets.find((t) => t.id === targetId) : (targets[fallbackPosition] ?? targets[0]);
  if (!target) throw new AppError("not_found:eval", "That version is not part of the evaluation.");
  return { run, target };
}

const caseKey = (row: TargetCaseRow) => row.caseId ?? `#${row.position}`;
const cell = (row: TargetCaseRow | undefined): CompareCell | null =>
  row && row.status ? { resultId: row.resultId, status: row.status, score: row.score, output: row.output, latencyMs: row.latencyMs } : null;

export async function compareRuns(principal: Principal, raw: z.input<typeof compareQuerySchema>): Promise<RunComparison> {
  requirePermission(principal, "prompts:read");
  const query = parseInput(compareQuerySchema, raw);
  const a = await loadSide(principal, query.a, query.at, 0);
  // The same run on both sides means comparing its targets: default to its second one.
  const b = await loadSide(principal, query.b, query.bt, query.a === query.b ? 1 : 0);
  if (a.run.datasetId !== b.run.datasetId) {
    throw new AppError("bad_request:eval", "These evaluations used different datasets, so their cases cannot be matched. Compare runs of the same dataset.");
  }
  const side = (s: typeof a, summary: TargetAggregate): CompareSide => ({
    runId: s.run.id,
    runName: s.run.name || "Untitled evaluation",
    targetId: s.target.id,
    label: `${s.target.promptName} v${s.target.version} · ${s.target.modelId}`,
    createdAt: s.run.createdAt.toISOString(),
    summary,
  });
  const [dataset, summaryA, summaryB, aRows, bCases, aScorers, bScorers] = await Promise.all([
    findRunDataset(getDb(), { datasetId: a.run.datasetId }),
    aggregateTarget(a.target.id),
    aggregateTarget(b.target.id),
    listTargetCases({ runId: a.run.id, targetId: a.target.id }),
    listTargetCases({ runId: b.run.id, targetId: b.target.id }),
    aggregateTargetScorers(a.target.id),
    aggregateTargetScorers(b.target.id),
  ]);
  const sideA = side(a, summaryA);
  const sideB = side(b, summaryB);

  const bRows = new Map(bCases.map((r) => [caseKey(r), r]));
  const rows: CompareRow[] = aRows.map((ra) => {
    const key = caseKey(ra);
    const rb = bRows.get(key);
    bRows.delete(key);
    const ca = cell(ra);
    const cb = cell(rb);
    return { key, position: ra.position, variables: ra.variables, a: ca, b: cb, change: classifyChange(ca && { status: ca.status!, score: ca.score }, cb && { status: cb.status!, score: cb.score }) };
  });
  for (const [key, rb] of bRows) rows.push({ key, position: rb.position, variables: rb.variables, a: null, b: cell(rb), change: "missing" });

  const counts = { regression: 0, improvement: 0, "score-down": 0, "score-up": 0, same: 0, missing: 0, unscored: 0 } satisfies Record<CaseChange, number>;
  for (const row of rows) counts[row.change]++;

  const labels = new Map([...a.run.scorers, ...b.run.scorers].map((s) => [s.key, s.label]));
  const scorersA = new Map(aScorers.map((s) => [s.scorerKey, s]));
  const scorersB = new Map(bScorers.map((s) => [s.scorerKey, s]));
  const scorerKeys = [...new Set([...scorersA.keys(), ...scorersB.keys()])].sort();

  return {
    dataset: { id: a.run.datasetId, name: dataset?.name ?? "" },
    a: sideA,
    b: sideB,
    deltas: {
      passRate: delta(sideA.summary.passRate, sideB.summary.passRate),
      meanScore: delta(sideA.summary.meanScore, sideB.summary.meanScore),
      costUsd: delta(sideA.summary.costUsd, sideB.summary.costUsd),
      latencyP50Ms: delta(sideA.summary.latencyP50Ms, sideB.summary.latencyP50Ms),
      latencyP95Ms: delta(sideA.summary.latencyP95Ms, sideB.summary.latencyP95Ms),
    },
    scorers: scorerKeys.map((key) => {
      const sa = scorersA.get(key);
      const sb = scorersB.get(key);
      return { key, label: labels.get(key) ?? key, a: sa ? { passRate: sa.passRate, meanScore: sa.meanScore } : null, b: sb ? { passRate: sb.passRate, meanScore: sb.meanScore } : null };
    }),
    counts,
    rows,
  };
}
