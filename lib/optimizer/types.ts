// The optimizer's vocabulary, shared by the strategies, the loop and (later) its store and pages.
import type { CandidateContent } from "./check-candidate";

/** A dataset case as the optimizer sees it: its inputs, the expected output and its label or tag (for the split). */
export interface OptimizerCase {
  id: string;
  variables: Record<string, string>;
  expected: string | null;
  stratum: string | null;
}

/** One case's result under one prompt: the metric's score in [0, 1], whether it passed, what the model said. */
export interface CaseScore {
  caseId: string;
  score: number;
  passed: boolean;
  output: string;
  calls: number;
  costUsd: number;
}

export type StrategyName = "instruction" | "few-shot" | "both";

export interface CandidateOrigin {
  strategy: "baseline" | "instruction" | "few-shot";
  /** What made it: the proposer's candidate index, or the demonstrations' case ids. */
  detail: string;
  parentId: string | null;
}

export interface Candidate {
  /** A hash of the content: the same prompt proposed twice is one candidate, evaluated once. */
  id: string;
  content: CandidateContent;
  origin: CandidateOrigin;
  round: number;
}

/** "search": train and validation cases together; "held-out": the final check's cases. */
export type EvaluationPhase = "search" | "held-out";

/** Scores a prompt on cases. The loop calls it at most once per candidate and phase. */
export type Evaluate = (candidate: Candidate, cases: readonly OptimizerCase[], phase: EvaluationPhase) => Promise<CaseScore[]>;

/** Asks the proposer model for rewrites of `best`, shown the failures; returns their texts (checked afterwards). */
export type Propose = (request: ProposeRequest) => Promise<string[]>;

export interface ProposeRequest {
  /** The beam: the best prompts by train score, best first. */
  best: readonly { content: CandidateContent; trainScore: number }[];
  /** Every other prompt tried so far, with its train score, so the proposer neither repeats nor retreads them. */
  tried: readonly { content: CandidateContent; trainScore: number }[];
  failures: readonly { variables: Record<string, string>; expected: string | null; output: string }[];
  count: number;
}
