// The optimization loop, independent of where scores come from: `evaluate` runs a prompt over cases (the eval runner,
// in the studio; the simulated model directly, in unit tests) and `propose` asks the proposer model for rewrites.
//
//   1. Split the cases (seeded, stratified): train, validation, held-out. Held-out cases reach neither the proposer
//      nor any choice made here; they are scored once, at the end.
//   2. Score the baseline on train and validation.
//   3. Rounds. Instruction search: the proposer sees the best prompts so far (the beam, by train score) and failing
//      train cases, and writes rewrites. Few-shot selection: demonstrations drawn from train cases that the best
//      prompt without demonstrations answered right, a few per label, added to it. "both" alternates, starting with demonstrations (DSPy's order: they need no proposer
//      call and are the surest early gain on a small budget; instruction rounds then rewrite the best prompt without
//      them, and the next few-shot round adds demonstrations to that rewrite). Every candidate passes
//      checkCandidate before it costs a call, and is scored on train and validation only if its whole evaluation and
//      the final check still fit the budget.
//   4. The best candidate is the one with the highest validation score (the baseline wins ties: a change must earn
//      its place). It and the baseline are scored on held-out, and compared with a paired test.
import { seededRandom, shuffled } from "@/lib/core/stats/seeded-random";
import { stratifiedSplit, type SplitFractions } from "@/lib/core/stats/stratified-split";
import { limitBefore, NOTHING_SPENT, type Budget, type BudgetLimit, type Spent } from "./budget";
import { candidateId } from "./candidate-id";
import { checkCandidate, type CandidateContent } from "./check-candidate";
import { usableAsDemonstration, withDemonstrations } from "./demonstrations";
import { compareHeldOut, type HeldOutComparison } from "./held-out";
import type { Candidate, CaseScore, Evaluate, EvaluationPhase, OptimizerCase, Propose, StrategyName } from "./types";

export interface OptimizeSettings {
  strategy: StrategyName;
  budget: Budget;
  seed: number;
  fractions?: SplitFractions;
  rounds?: number;
  beamWidth?: number;
  candidatesPerRound?: number;
  /** Demonstrations per label in a few-shot candidate, at most. */
  maxShotsPerLabel?: number;
}

export interface OptimizeInput extends OptimizeSettings {
  baseline: CandidateContent;
  cases: readonly OptimizerCase[];
  datasetVariables: readonly string[];
  evaluate: Evaluate;
  propose: Propose;
  now?: () => number;
  /** When the run first started (a resumed run's wall time counts from there). */
  startedAt?: number;
  /** Called once, before anything is scored: the split to record. */
  onSplit?: (split: OptimizeResult["split"]) => void | Promise<void>;
  /** Called when a candidate has its train and validation scores. */
  onCandidate?: (row: LeaderboardRow) => void | Promise<void>;
  onProgress?: (progress: OptimizeProgress) => void | Promise<void>;
}

export interface OptimizeProgress {
  round: number;
  rounds: number;
  spent: Spent;
  bestByRound: { round: number; validation: number }[];
}

export interface LeaderboardRow {
  candidate: Candidate;
  train: number;
  validation: number;
  calls: number;
  costUsd: number;
}

export interface OptimizeResult {
  split: { seed: number; train: string[]; validation: string[]; heldOut: string[] };
  leaderboard: LeaderboardRow[];
  bestByRound: { round: number; validation: number }[];
  best: Candidate;
  baseline: Candidate;
  heldOut: HeldOutComparison;
  baselineHeldOut: CaseScore[];
  bestHeldOut: CaseScore[];
  rejected: { text: string; reasons: string[] }[];
  stoppedBy: BudgetLimit | "rounds";
  spent: Spent;
}

/** Failing train cases shown to the proposer each round (ProTeGi's error minibatch). */
const FAILURES_SHOWN = 8;

export const DEFAULT_FRACTIONS: SplitFractions = { train: 0.4, validation: 0.3, heldOut: 0.3 };

const mean = (scores: readonly CaseScore[]) => (scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.score, 0) / scores.length);

export async function optimize(input: OptimizeInput): Promise<OptimizeResult> {
  const { budget, seed, strategy, datasetVariables } = input;
  const rounds = input.rounds ?? 4;
  const beamWidth = input.beamWidth ?? 3;
  const perRound = input.candidatesPerRound ?? 4;
  const maxShots = input.maxShotsPerLabel ?? 2;
  const now = input.now ?? Date.now;
  const started = input.startedAt ?? now();
  const random = seededRandom(seed);

  const split = stratifiedSplit(input.cases, { id: (c) => c.id, stratum: (c) => c.stratum }, input.fractions ?? DEFAULT_FRACTIONS, seed);
  const recordedSplit = { seed, train: split.train.map((c) => c.id), validation: split.validation.map((c) => c.id), heldOut: split.heldOut.map((c) => c.id) };
  await input.onSplit?.(recordedSplit);
  const spent: Spent = { ...NOTHING_SPENT };
  const elapsed = () => ({ ...spent, elapsedMs: now() - started });
  const scored = new Map<string, CaseScore[]>();
  const evaluate = async (candidate: Candidate, cases: readonly OptimizerCase[], phase: EvaluationPhase) => {
    const key = `${candidate.id}:${phase}`;
    const known = scored.get(key);
    if (known) return known;
    const scores = await input.evaluate(candidate, cases, phase);
    for (const score of scores) {
      spent.modelCalls += score.calls;
      spent.costUsd += score.costUsd;
    }
    scored.set(key, scores);
    return scores;
  };

  const baseline: Candidate = { id: candidateId(input.baseline), content: input.baseline, origin: { strategy: "baseline", detail: "", parentId: null }, round: 0 };
  const rows = new Map<string, LeaderboardRow & { trainScores: CaseScore[] }>();
  // Train and validation in one evaluation (one eval run in the studio): a candidate is scored on both or neither.
  const trainIds = new Set(recordedSplit.train);
  const bestByRound: OptimizeResult["bestByRound"] = [];
  const score = async (candidate: Candidate) => {
    const before = { calls: spent.modelCalls, cost: spent.costUsd };
    const scores = await evaluate(candidate, [...split.train, ...split.validation], "search");
    const trainScores = scores.filter((s) => trainIds.has(s.caseId));
    const validation = mean(scores.filter((s) => !trainIds.has(s.caseId)));
    const row = { candidate, train: mean(trainScores), validation, calls: spent.modelCalls - before.calls, costUsd: spent.costUsd - before.cost, trainScores };
    rows.set(candidate.id, row);
    await input.onCandidate?.({ candidate, train: row.train, validation, calls: row.calls, costUsd: row.costUsd });
    // After every candidate, not only every round, so the run page's bars move as the money is spent.
    if (candidate.round > 0) await input.onProgress?.({ round: candidate.round - 1, rounds, spent: elapsed(), bestByRound: [...bestByRound] });
  };
  await score(baseline);

  // The final check's calls are kept aside from the start, so the search can never spend them.
  const reserve = 2 * split.heldOut.length;
  const costPerCall = () => (spent.modelCalls === 0 ? 0 : spent.costUsd / spent.modelCalls);
  const perCandidate = split.train.length + split.validation.length;
  const stopper = () => limitBefore(budget, elapsed(), { calls: perCandidate, costPerCall: costPerCall(), reservedCalls: reserve });
  const rejected: OptimizeResult["rejected"] = [];
  bestByRound.push({ round: 0, validation: rows.get(baseline.id)!.validation });
  const ranked = (by: "train" | "validation") =>
    [...rows.values()].sort((a, b) => b[by] - a[by] || (by === "train" ? b.validation - a.validation : 0) || a.candidate.round - b.candidate.round);
  let stoppedBy: BudgetLimit | "rounds" = "rounds";

  const tryCandidate = async (content: CandidateContent, round: number, origin: Candidate["origin"], text: string): Promise<boolean> => {
    const check = checkCandidate({ baseline: input.baseline, candidate: content, datasetVariables });
    if (!check.ok) {
      rejected.push({ text, reasons: check.reasons });
      return true;
    }
    const id = candidateId(content);
    if (rows.has(id)) return true;
    if (stopper() !== null) return false;
    spent.candidates += 1;
    await score({ id, content, origin, round });
    return true;
  };

  const instructionRound = async (round: number) => {
    // Instruction search rewrites instructions: prompts carrying demonstrations are not in its beam.
    const beam = ranked("train")
      .filter((row) => row.candidate.origin.strategy !== "few-shot")
      .slice(0, beamWidth);
    const best = beam[0]!;
    const byId = new Map(split.train.map((c) => [c.id, c]));
    // A seeded sample of the failures, not the first ones: the train split lists its cases label by label.
    const failures = shuffled(
      best.trainScores.filter((s) => !s.passed),
      random,
    )
      .slice(0, FAILURES_SHOWN)
      .map((s) => ({ variables: byId.get(s.caseId)!.variables, expected: byId.get(s.caseId)!.expected, output: s.output }));
    const shown = (row: LeaderboardRow) => ({ content: row.candidate.content, trainScore: row.train });
    const tried = ranked("train")
      .filter((row) => row.candidate.origin.strategy !== "few-shot")
      .slice(beamWidth);
    const texts = await input.propose({ best: beam.map(shown), tried: tried.map(shown), failures, count: perRound });
    for (const [index, text] of texts.slice(0, perRound).entries()) {
      const content = rewrite(best.candidate.content, text);
      if (!(await tryCandidate(content, round, { strategy: "instruction", detail: `proposal ${index + 1}`, parentId: best.candidate.id }, text))) return false;
    }
    return true;
  };

  const fewShotRound = async (round: number) => {
    // Demonstrations are added to the best prompt that has none, never stacked on another candidate's.
    const parent = ranked("validation").find((row) => row.candidate.origin.strategy !== "few-shot")!;
    const right = new Set(parent.trainScores.filter((s) => s.passed).map((s) => s.caseId));
    const pool = split.train.filter((c) => usableAsDemonstration(c) && right.has(c.id));
    const byLabel = new Map<string, OptimizerCase[]>();
    for (const c of pool) byLabel.set(c.expected!, [...(byLabel.get(c.expected!) ?? []), c]);
    for (let k = 0; k < perRound; k++) {
      const shots = 1 + ((round + k) % maxShots);
      const demos = [...byLabel.keys()].sort().flatMap((label) => shuffled(byLabel.get(label)!, random).slice(0, shots));
      const content = withDemonstrations(parent.candidate.content, shuffled(demos, random), datasetVariables);
      const detail = `${demos.length} demonstrations: ${demos.map((d) => d.id).join(", ")}`;
      if (!(await tryCandidate(content, round, { strategy: "few-shot", detail, parentId: parent.candidate.id }, detail))) return false;
    }
    return true;
  };

  for (let round = 1; round <= rounds; round++) {
    const kind = strategy === "both" ? (round % 2 === 1 ? "few-shot" : "instruction") : strategy;
    const carriedOn = kind === "instruction" ? await instructionRound(round) : await fewShotRound(round);
    bestByRound.push({ round, validation: ranked("validation")[0]!.validation });
    await input.onProgress?.({ round, rounds, spent: elapsed(), bestByRound: [...bestByRound] });
    if (!carriedOn) {
      stoppedBy = stopper() ?? "rounds";
      break;
    }
  }

  const best = ranked("validation")[0]!.candidate;
  const baselineHeldOut = await evaluate(baseline, split.heldOut, "held-out");
  const bestHeldOut = best.id === baseline.id ? baselineHeldOut : await evaluate(best, split.heldOut, "held-out");
  const leaderboard = ranked("validation").map(({ trainScores: _trainScores, ...row }) => row);
  return {
    split: recordedSplit,
    leaderboard,
    bestByRound,
    best,
    baseline,
    heldOut: compareHeldOut(baselineHeldOut, bestHeldOut, seed),
    baselineHeldOut,
    bestHeldOut,
    rejected,
    stoppedBy,
    spent: elapsed(),
  };
}

/** A proposer's text as a prompt of the baseline's shape: a chat prompt's first message is what it rewrites. */
function rewrite(parent: CandidateContent, text: string): CandidateContent {
  if (!parent.messages) return { template: text, messages: null };
  const [first, ...rest] = parent.messages;
  return { template: null, messages: first ? [{ ...first, content: text }, ...rest] : [{ role: "system", content: text }] };
}
