import "server-only";
import { resolvePrompt } from "@/lib/serving/server";
import { labelSelector, renderInput } from "@/lib/serving";
import { OFFLINE_MODEL_ID } from "@/lib/platform/models/catalog";
import { streamCompletion } from "@/lib/platform/models/stream-completion";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { partialKey } from "@/lib/core/templates";
import { parseJudgeVerdict } from "./judge-verdict";
import type { ScorerFn } from "./registry";

// LLM-as-judge: the rubric is a managed prompt (a label or a version of it), rendered with the case's variables
// plus rubric, input, expected and output, and run on the scorer's model or the judge version's own. The reply is
// parsed by judge-verdict.ts; a failed call or an unreadable reply is an error verdict, never a pass.

const JUDGE_TIMEOUT_MS = 60_000;

export const llmRubricScorer: ScorerFn<"llm-rubric"> = async (params, ctx, threshold) => {
  const selector = params.version !== undefined ? { kind: "version" as const, version: params.version } : labelSelector(params.label);
  const { prompt: judge } = await resolvePrompt(ctx.workspaceId, { name: params.promptName, selector, label: params.version ? null : params.label });
  const variables = { ...ctx.variables, rubric: params.rubric, input: ctx.renderedInput, expected: ctx.expected ?? "", output: ctx.output };
  const { messages } = await renderInput({
    content: { type: judge.type, template: judge.template, messages: judge.messages, modelConfig: judge.modelConfig },
    variables,
    promptName: judge.name,
    loadPartial: async (ref) => judge.partials[partialKey(ref)] ?? null,
  });
  const modelId = params.modelId ?? judge.modelConfig.model ?? OFFLINE_MODEL_ID;
  const { temperature, maxOutputTokens, topP } = judge.modelConfig;
  const completion = await streamCompletion({
    ...(await getWorkspaceModel({ workspaceId: ctx.workspaceId, modelId })),
    messages,
    settings: { temperature, maxOutputTokens, topP },
    ...(ctx.signal ? { abortSignal: ctx.signal } : {}),
    timeoutMs: JUDGE_TIMEOUT_MS,
    stream: false,
  });
  const verdict = parseJudgeVerdict(completion.text, threshold);
  return { ...verdict, reason: `${verdict.reason} (judge: ${judge.name} v${judge.version} on ${modelId})` };
};
