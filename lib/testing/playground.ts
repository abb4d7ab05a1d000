import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import type { RunColumnInput } from "@/lib/playground/schemas";
import { makeWorkspace } from "./factories";
import { runColumnInput } from "./run-column";

/**
 * A workspace with an admin and an editor, a "fx" provider pointing at the fixture LLM server, and a text prompt
 * "greet" (v1: "Say hello to {{name}}."). `input()` builds a column request for it.
 */
export async function makePlaygroundWorkspace({ fixtureUrl, models = "echo, slow-40, hang, fail-500" }: { fixtureUrl: string; models?: string }) {
  const { workspace, members } = await makeWorkspace(["admin", "editor"]);
  const admin = members[0]!.ctx;
  const editor = members[1]!.ctx;
  await saveProvider(admin, { slug: "fx", kind: "openai-compatible", label: "Fixture", baseUrl: fixtureUrl, apiKey: "", models });
  const { id: promptId } = await createPrompt(editor, { name: "greet", type: "text", description: "", tags: [] });
  await saveVersion(editor, { promptId, body: { type: "text", template: "Say hello to {{name}}." }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
  const input = (overrides: Partial<RunColumnInput> = {}) => runColumnInput({ promptId, modelId: "fx:echo", variables: { name: "Ada" }, ...overrides });
  return { workspace, admin, editor, promptId, input };
}
