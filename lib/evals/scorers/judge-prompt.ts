import "server-only";
import { getDb } from "@/db";
import { OFFLINE_JUDGE_MARKER } from "@/lib/platform/models/offline-judge";
import { DEFAULT_JUDGE_PROMPT } from "./judge-names";
import { findPromptByName, createPrompt, saveVersion, type PromptWriter } from "@/lib/prompts/server";

// The rubric prompt an `llm-rubric` scorer runs by default. It is an ordinary managed prompt, so teams version,
// diff and promote their judge like any other prompt. The offline demo model recognises JUDGE_MARKER and answers
// with a deterministic verdict, so judged evals work with no API key.

export { DEFAULT_JUDGE_PROMPT };
export const JUDGE_MARKER = OFFLINE_JUDGE_MARKER;

export const DEFAULT_JUDGE_TEMPLATE = `${JUDGE_MARKER}

<rubric>
{{rubric}}
</rubric>

<input>
{{input}}
</input>

<expected>
{{expected}}
</expected>

<output>
{{output}}
</output>

Decide whether the output satisfies the rubric. Reply with one JSON object and nothing else:
{"pass": true or false, "score": a number from 0 to 1, "reason": "one or two sentences"}`;

/** Creates the default judge prompt when the workspace has none by that name; idempotent. */
export async function ensureDefaultJudgePrompt(ctx: PromptWriter): Promise<{ created: boolean }> {
  if (await findPromptByName(getDb(), { workspaceId: ctx.workspaceId, name: DEFAULT_JUDGE_PROMPT })) return { created: false };
  const { id } = await createPrompt(ctx, {
    name: DEFAULT_JUDGE_PROMPT,
    type: "text",
    description: "LLM-as-judge rubric used by llm-rubric scorers. Variables: rubric, input, expected, output.",
    tags: ["judge"],
  });
  await saveVersion(ctx, {
    promptId: id,
    body: { type: "text", template: DEFAULT_JUDGE_TEMPLATE },
    modelConfig: { temperature: 0 },
    commitMessage: "Default judge rubric",
    expectedParentVersion: null,
  });
  return { created: true };
}
