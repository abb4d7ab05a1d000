// Writes prompts as YAML files for git: stable bytes for the same input, keys in the documented order,
// multi-line text as literal blocks so a changed line in a prompt is a changed line in the diff.
import { Document, isMap, isSeq, visit } from "yaml";
import { AppError } from "@/lib/core/errors";
import type { ModelConfig } from "@/lib/core/vocabulary/prompt-content";
import { promptNameSchema } from "@/lib/prompts/schemas";
import { promptFilePath } from "./prompt-path";
import type { PortablePrompt, PortableVersion, PromptFile } from "./types";

const MODEL_CONFIG_ORDER = ["model", "temperature", "maxOutputTokens", "topP", "stopSequences", "responseFormat", "tools"];

export function exportPromptFile(prompt: PortablePrompt): PromptFile {
  // The name becomes a path; refuse anything that could escape prompts/ rather than trust the caller.
  if (!promptNameSchema.safeParse(prompt.name).success) {
    throw new AppError("bad_request:prompt", `"${prompt.name}" cannot be exported: it is not a valid prompt name.`);
  }
  return { path: promptFilePath(prompt.name), content: toYaml(prompt) };
}

/** Sorted by path so the same workspace always gives the same archive. */
export function exportWorkspace(prompts: PortablePrompt[]): PromptFile[] {
  return prompts.map(exportPromptFile).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function toYaml(prompt: PortablePrompt): string {
  const doc = new Document(orderedPrompt(prompt));
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !node.value.includes("\n")) return;
      // Whitespace-only values (a "\n\n" stop sequence) are invisible as a block, so they stay quoted.
      // yaml itself falls back to quoting text a block cannot hold, such as "\r" or control characters.
      node.type = /\S/.test(node.value) ? "BLOCK_LITERAL" : "QUOTE_DOUBLE";
    },
  });
  // Short lists read best inline; everything else stays block style, one fact per line.
  for (const key of ["tags", "labels"]) {
    const node = doc.get(key, true);
    if (isSeq(node) || isMap(node)) node.flow = true;
  }
  // lineWidth 0: never fold long lines, which would make a one-word edit rewrap a paragraph in the diff.
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}

/** Plain objects built in the documented key order; yaml keeps insertion order. */
function orderedPrompt(prompt: PortablePrompt) {
  return {
    name: prompt.name,
    type: prompt.type,
    description: prompt.description,
    tags: [...prompt.tags],
    archived: prompt.archived,
    labels: Object.fromEntries(Object.entries(prompt.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    versions: prompt.versions.map(orderedVersion),
  };
}

function orderedVersion(version: PortableVersion) {
  return {
    version: version.version,
    message: version.message,
    author: version.author,
    createdAt: version.createdAt,
    modelConfig: orderedModelConfig(version.modelConfig),
    ...(version.messages !== undefined ? { messages: version.messages.map(({ role, content }) => ({ role, content })) } : {}),
    ...(version.template !== undefined ? { template: version.template } : {}),
  };
}

/** Known keys first in a fixed order; nested values (JSON schemas) keep their own order, which models may rely on. */
function orderedModelConfig(config: ModelConfig): Record<string, unknown> {
  const entries = Object.entries(config).filter(([, value]) => value !== undefined);
  const rank = (key: string) => {
    const index = MODEL_CONFIG_ORDER.indexOf(key);
    return index === -1 ? MODEL_CONFIG_ORDER.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

