import "server-only";
import type { EvalResultStatus, EvalRunCase, ScorerConfig } from "@/db/schema";
import { toAppError, type AppError } from "@/lib/core/errors";
import { isCancelledError } from "@/lib/platform/models/model-errors";
import { streamCompletion, type CompletionResult } from "@/lib/platform/models/stream-completion";
import type { ChatMessage, ModelSettings } from "@/lib/platform/models/types";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import type { WorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { renderInput } from "@/lib/serving";
import type { PartialLoader } from "@/lib/core/templates";
import { newCanary } from "@/lib/core/redteam";
import { runScorer } from "../scorers/registry";
import { needsCanary, plantCanary } from "./plant-canary";
import { DEFAULT_BACKOFF, isRetryable, retryAfterMsOf, retryDelayMs, sleep, type BackoffOptions } from "./backoff";
import type { ResultRow, ScoreRow } from "./manage-progress";

// One (target, case) pair: render, call the model with retries, score. Everything the pair needs is resolved once
// per run by the runner and passed in, so a case costs one model call and no database reads.

export interface PreparedTarget {
  id: string;
  promptName: string;
  content: PromptContent;
  model: WorkspaceModel;
  settings: ModelSettings;
  loadPartial: PartialLoader;
}

export interface CaseSettings {
  workspaceId: string;
  scorers: ScorerConfig[];
  caseTimeoutMs: number;
  maxRetries: number;
  backoff?: BackoffOptions;
}

/** A result as the runner writes it, less the ids and the time the runner adds. */
export type CaseOutcome = Omit<ResultRow, "id" | "runId" | "targetId" | "runCaseId" | "createdAt"> & { scores: ScoreRow[] };

/** The run's scorers, then the case's own assertions; an assertion whose key a run scorer uses gets a suffix. */
export function scorersForCase(scorers: ScorerConfig[], assertions: ScorerConfig[]): ScorerConfig[] {
  if (assertions.length === 0) return scorers;
  const keys = new Set(scorers.map((s) => s.key));
  return [...scorers, ...assertions.map((a) => (keys.has(a.key) ? { ...a, key: `${a.key}-case` } : a))];
}

/**
 * A case's verdict from its scorers' verdicts. No scorer at all is "unscored": nothing was checked, so it is neither a
 * pass nor a failure (`[].every(...)` would call it passed).
 */
export function resultStatus(scores: Pick<ScoreRow, "passed" | "error">[]): EvalResultStatus {
  if (scores.length === 0) return "unscored";
  if (scores.some((s) => s.error)) return "error";
  return scores.every((s) => s.passed) ? "passed" : "failed";
}

/** A text prompt is stored as its text, unless a canary's system message went with it: then, like chat, as messages. */
function renderedText(content: PromptContent, messages: ChatMessage[]): string {
  return content.type === "text" && messages.length === 1 ? (messages[0]?.content ?? "") : JSON.stringify(messages);
}

function errorOutcome(error: AppError, partial: Partial<CaseOutcome>): CaseOutcome {
  return {
    status: "error",
    score: null,
    renderedInput: "",
    output: "",
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: null,
    attempts: 0,
    scores: [],
    ...partial,
    errorCode: error.code,
    errorMessage: error.message,
  };
}

/** Calls the model, retrying transient failures with backoff (honouring Retry-After). Throws the last error. */
async function callWithRetries(
  target: PreparedTarget,
  messages: ChatMessage[],
  settings: CaseSettings,
  signal: AbortSignal,
  onAttempt: (attempt: number) => void,
): Promise<CompletionResult> {
  const { responseFormat, tools } = target.content.modelConfig;
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    try {
      return await streamCompletion({
        ...target.model,
        messages,
        settings: target.settings,
        ...(responseFormat ? { responseFormat } : {}),
        ...(tools ? { tools } : {}),
        abortSignal: signal,
        timeoutMs: settings.caseTimeoutMs,
        // Nobody watches a case's tokens arrive; one plain request is several ms of CPU cheaper per case.
        stream: false,
      });
    } catch (error) {
      if (signal.aborted || attempt > settings.maxRetries || !isRetryable(error)) throw error;
      await sleep(retryDelayMs({ retry: attempt, retryAfterMs: retryAfterMsOf(error), options: settings.backoff ?? DEFAULT_BACKOFF }), signal);
    }
  }
}

/**
 * Runs one case against one target. Never throws for the model's or the template's sake (those are 'error'
 * results with a safe message); returns null when the run was cancelled mid-call, so nothing is recorded.
 */
export async function evaluateCase({
  target,
  runCase,
  settings,
  signal,
}: {
  target: PreparedTarget;
  runCase: Pick<EvalRunCase, "variables" | "expectedOutput" | "assertions">;
  settings: CaseSettings;
  signal: AbortSignal;
}): Promise<CaseOutcome | null> {
  let messages: ChatMessage[];
  try {
    ({ messages } = await renderInput({ content: target.content, variables: runCase.variables, loadPartial: target.loadPartial, promptName: target.promptName }));
  } catch (error) {
    return errorOutcome(toAppError(error), {});
  }
  const scorers = scorersForCase(settings.scorers, runCase.assertions);
  // A fresh canary per case, only when a scorer checks for it (lib/evals/runs/plant-canary.ts).
  const canary = needsCanary(scorers) ? newCanary() : null;
  if (canary) messages = plantCanary(messages, canary);
  const renderedInput = renderedText(target.content, messages);

  let attempts = 0;
  let completion: CompletionResult;
  try {
    completion = await callWithRetries(target, messages, settings, signal, (n) => (attempts = n));
  } catch (error) {
    if (signal.aborted || isCancelledError(error)) return null;
    return errorOutcome(toAppError(error), { renderedInput, attempts });
  }

  const ctx = {
    workspaceId: settings.workspaceId,
    output: completion.text,
    expected: runCase.expectedOutput,
    variables: runCase.variables,
    renderedInput,
    latencyMs: completion.latencyMs,
    costUsd: completion.costUsd,
    canary,
    signal,
  };
  const scores: ScoreRow[] = [];
  try {
    for (const scorer of scorers) {
      const verdict = await runScorer(scorer, ctx);
      scores.push({ scorerKey: scorer.key, score: verdict.score, passed: verdict.passed, reason: verdict.reason, error: verdict.error === true });
    }
  } catch (error) {
    // runScorer only rethrows when the run was cancelled (an LLM judge's call aborted).
    if (signal.aborted) return null;
    throw error;
  }
  const numeric = scores.filter((s) => s.score !== null).map((s) => s.score as number);
  const status = resultStatus(scores);
  const firstError = scores.find((s) => s.error);
  return {
    status,
    score: numeric.length > 0 ? numeric.reduce((a, b) => a + b, 0) / numeric.length : null,
    renderedInput,
    output: completion.text,
    inputTokens: completion.usage.inputTokens,
    outputTokens: completion.usage.outputTokens,
    costUsd: completion.costUsd,
    latencyMs: completion.latencyMs,
    attempts,
    errorCode: firstError ? "bad_request:scorer" : null,
    errorMessage: firstError ? firstError.reason : null,
    scores,
  };
}
