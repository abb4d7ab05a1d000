// Few-shot demonstrations rendered in the prompt's own format: for chat prompts, a user turn and an assistant turn
// per demonstration before the last user message; for a text template, an "Examples" block before the first line
// that uses a dataset variable, so the case to answer still comes after them. A case whose values hold template
// tags is never a demonstration: pasted into a template, its text would become tags.
import { extractVariables } from "@/lib/core/templates";
import type { CandidateContent } from "./check-candidate";
import type { OptimizerCase } from "./types";

export function usableAsDemonstration(item: OptimizerCase): boolean {
  return item.expected !== null && ![item.expected, ...Object.values(item.variables)].some((value) => value.includes("{{") || value.includes("}}"));
}

const inputOf = (item: OptimizerCase) => Object.values(item.variables).join("\n");

export function withDemonstrations(content: CandidateContent, demos: readonly OptimizerCase[], datasetVariables: readonly string[]): CandidateContent {
  if (demos.length === 0) return content;
  if (content.messages) {
    const lastUser = content.messages.map((m) => m.role).lastIndexOf("user");
    const at = lastUser < 0 ? content.messages.length : lastUser;
    const turns = demos.flatMap((demo) => [
      { role: "user" as const, content: inputOf(demo) },
      { role: "assistant" as const, content: demo.expected ?? "" },
    ]);
    return { template: null, messages: [...content.messages.slice(0, at), ...turns, ...content.messages.slice(at)] };
  }
  const template = content.template ?? "";
  const block = ["Examples:", ...demos.map((demo) => `Input: ${inputOf(demo)}\nAnswer: ${demo.expected}`), ""].join("\n");
  const lines = template.split("\n");
  const uses = (line: string) => extractVariables(line).some((name) => datasetVariables.includes(name));
  const at = lines.findIndex(uses);
  const index = at < 0 ? lines.length : at;
  return { template: [...lines.slice(0, index), block, ...lines.slice(index)].join("\n"), messages: null };
}
