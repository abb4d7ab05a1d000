import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { exportPromptFile, exportWorkspace } from "./export-prompts";
import { parsePromptFiles } from "./import-prompts";
import { chatPrompt, textPrompt } from "./test-prompts";
import type { PortablePrompt } from "./types";

function roundTrip(prompt: PortablePrompt): PortablePrompt {
  const result = parsePromptFiles([exportPromptFile(prompt)]);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.prompts[0]!;
}

describe("exportPromptFile", () => {
  it("round-trips a text prompt with three versions exactly", () => {
    expect(roundTrip(textPrompt)).toStrictEqual(textPrompt);
  });

  it("round-trips a chat prompt with three versions exactly", () => {
    expect(roundTrip(chatPrompt)).toStrictEqual(chatPrompt);
  });

  it("round-trips a version's guard policy, and refuses an unbounded one on import", () => {
    const guard = { deniedTopics: ["competitor pricing"], words: ["refund", "acme secret"], pii: "mask" as const, maxInputChars: 4000 };
    const prompt: PortablePrompt = { ...textPrompt, versions: textPrompt.versions.map((v) => ({ ...v, modelConfig: { ...v.modelConfig, guard } })) };
    expect(roundTrip(prompt)).toStrictEqual(prompt);
    const hostile = { ...prompt, versions: prompt.versions.map((v) => ({ ...v, modelConfig: { guard: { ...guard, words: Array.from({ length: 501 }, (_, i) => `w${i}`) } } })) };
    const result = parsePromptFiles([exportPromptFile(hostile)]);
    expect(result.ok).toBe(false);
  });

  it("round-trips text that a literal block cannot hold", () => {
    const awkward = ["a\r\nb", "bell\u0007\nx", "\n\n", " \n ", "---\n...", "key: value\n- item", "\ttab first\nline"];
    const prompt: PortablePrompt = {
      ...textPrompt,
      labels: {},
      versions: awkward.map((template, i) => ({ ...textPrompt.versions[0]!, version: i + 1, template })),
    };
    expect(roundTrip(prompt)).toStrictEqual(prompt);
  });

  it("writes the documented layout with literal blocks for multi-line text", () => {
    const file = exportPromptFile({
      name: "support/triage",
      type: "chat",
      description: "Classifies tickets",
      tags: ["support", "classification"],
      archived: false,
      labels: {},
      versions: [
        {
          version: 1,
          message: "First triage prompt",
          author: "editor@example.com",
          createdAt: "2026-11-22T02:37:00.000Z",
          modelConfig: { temperature: 0.7, model: "offline:demo" },
          messages: [{ role: "system", content: "You are a triage assistant.\nAnswer in one word." }],
        },
      ],
    });
    expect(file.path).toBe("prompts/support/triage.yaml");
    expect(file.content).toBe(
      [
        "name: support/triage",
        "type: chat",
        "description: Classifies tickets",
        "tags: [support, classification]",
        "archived: false",
        "labels: {}",
        "versions:",
        "  - version: 1",
        "    message: First triage prompt",
        "    author: editor@example.com",
        "    createdAt: 2026-11-22T02:37:00.000Z",
        "    modelConfig:",
        "      model: offline:demo",
        "      temperature: 0.7",
        "    messages:",
        "      - role: system",
        "        content: |-",
        "          You are a triage assistant.",
        "          Answer in one word.",
        "",
      ].join("\n"),
    );
  });

  it("gives byte-identical output for the same prompt, whatever the key order of its objects", () => {
    const shuffled: PortablePrompt = {
      versions: textPrompt.versions.map((v) => ({ ...v, modelConfig: Object.fromEntries(Object.entries(v.modelConfig).reverse()) })),
      labels: { staging: 3, production: 2 },
      archived: textPrompt.archived,
      tags: textPrompt.tags,
      description: textPrompt.description,
      type: textPrompt.type,
      name: textPrompt.name,
    };
    const first = exportPromptFile(textPrompt).content;
    expect(exportPromptFile(structuredClone(textPrompt)).content).toBe(first);
    expect(exportPromptFile(shuffled).content).toBe(first);
    expect(first).toContain("    template: |\n      Write a tagline for {{product}}.\n");
  });

  it("refuses a name that would escape the prompts folder", () => {
    let thrown: unknown;
    try {
      exportPromptFile({ ...textPrompt, name: "../etc/passwd" });
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe("bad_request:prompt");
  });
});

describe("exportWorkspace", () => {
  it("writes one file per prompt, sorted by path, that import back to the same prompts", () => {
    const files = exportWorkspace([textPrompt, chatPrompt]);
    expect(files.map((f) => f.path)).toEqual(["prompts/marketing/tagline.yaml", "prompts/support/triage.yaml"]);
    expect(exportWorkspace([chatPrompt, textPrompt])).toEqual(files);
    expect(parsePromptFiles(files)).toStrictEqual({ ok: true, prompts: [textPrompt, chatPrompt] });
  });
});
