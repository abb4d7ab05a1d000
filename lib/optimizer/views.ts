// The optimizer's read shapes, shared by the pages, the API and the CLI: plain JSON, client-safe.
import type { OptimizationBudgetRecord, OptimizationOutcome, OptimizationProgress, OptimizationSettings, OptimizationStatus } from "@/db/schema";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";

export interface OptimizationSummary {
  id: string;
  status: OptimizationStatus;
  strategy: "instruction" | "few-shot" | "both";
  prompt: { id: string; name: string };
  baseVersion: number;
  dataset: { id: string; name: string };
  metric: { key: string; type: string; weight: number }[];
  taskModelId: string;
  proposerModelId: string;
  budget: OptimizationBudgetRecord;
  settings: OptimizationSettings;
  /** How many cases each part has; null until the run starts. */
  split: { train: number; validation: number; heldOut: number } | null;
  progress: OptimizationProgress | null;
  outcome: OptimizationOutcome | null;
  savedVersion: number | null;
  errorMessage: string | null;
  source: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface OptimizationCandidateView {
  key: string;
  round: number;
  origin: "baseline" | "instruction" | "few-shot";
  detail: string;
  parentKey: string | null;
  template: string | null;
  messages: ChatMessageRecord[] | null;
  trainScore: number | null;
  validationScore: number | null;
  heldOutScore: number | null;
  calls: number;
  costUsd: number;
  evalRunId: string | null;
  heldOutEvalRunId: string | null;
}

export interface OptimizationView extends OptimizationSummary {
  /** Scored candidates, best validation score first; the baseline is among them. */
  candidates: OptimizationCandidateView[];
}
