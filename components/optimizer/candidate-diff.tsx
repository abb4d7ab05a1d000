"use client";

import { VersionDiff } from "@/components/diff/version-diff";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import type { OptimizationCandidateView } from "@/lib/optimizer";

/** A candidate as prompt content, so the version history's diff can compare it (the settings are the base version's). */
function contentOf(candidate: OptimizationCandidateView): PromptContent {
  return candidate.messages !== null
    ? { type: "chat", template: null, messages: candidate.messages, modelConfig: {} }
    : { type: "text", template: candidate.template ?? "", messages: null, modelConfig: {} };
}

/** The chosen candidate against the baseline; proposer output is shown as text in the diff, never as HTML. */
export function CandidateDiff({ baseline, candidate, rank, baseVersion }: { baseline: OptimizationCandidateView; candidate: OptimizationCandidateView; rank: number; baseVersion: number }) {
  return <VersionDiff before={contentOf(baseline)} after={contentOf(candidate)} beforeLabel={`Baseline (v${baseVersion})`} afterLabel={`Candidate ${rank} (${candidate.origin}, round ${candidate.round})`} />;
}
