// context-window-exceeded: the rendered prompt, estimated at 4 characters a token with each variable at the longest
// value its datasets hold, plus max_tokens, against the model's context window.
import type { Check } from "./check";
import { isVariableTag, locate, variableName } from "../sources";

const CHARS_PER_TOKEN = 4;

export const contextWindow: Check = (sources, context, target) => {
  if (!context.contextWindow) return [];
  let chars = 0;
  for (const source of sources) {
    chars += source.text.length;
    for (const tag of source.tags) {
      chars -= tag.end - tag.start;
      if (isVariableTag(tag)) chars += context.longestValues?.[variableName(tag)] ?? 0;
    }
  }
  const inputTokens = Math.ceil(chars / CHARS_PER_TOKEN);
  const outputTokens = target.modelConfig.maxOutputTokens ?? 0;
  if (inputTokens + outputTokens <= context.contextWindow) return [];
  const first = sources[0];
  if (!first) return [];
  return [
    {
      ruleId: "context-window-exceeded",
      message: `About ${inputTokens.toLocaleString("en-US")} input tokens plus max_tokens ${outputTokens.toLocaleString("en-US")} exceed the model's context window of ${context.contextWindow.toLocaleString("en-US")}.`,
      location: locate(first, 0, 0),
    },
  ];
};
