import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { makeWorkspace } from "@/lib/testing/factories";
import { workspacePartialLoader } from "./load-partial";
import { renderInput } from "./render-input";

const noPartials = async () => null;

describe("rendering a column's input", () => {
  it("sends a text prompt as one user message with every variable filled, multi-line values intact", async () => {
    const rendered = await renderInput({
      content: { type: "text", template: "Summarise:\n{{transcript}}\nFor {{audience}}.", messages: null, modelConfig: {} },
      variables: { transcript: "line one\nline two", audience: "<executives> & \"friends\"" },
      loadPartial: noPartials,
    });
    expect(rendered).toEqual({
      messages: [{ role: "user", content: 'Summarise:\nline one\nline two\nFor <executives> & "friends".' }],
      promptMessageCount: 1,
    });
  });

  it("keeps a chat prompt's roles and appends the conversation's follow-ups after it", async () => {
    const rendered = await renderInput({
      content: {
        type: "chat",
        template: null,
        messages: [
          { role: "system", content: "You help with {{product}}." },
          { role: "user", content: "{{question}}" },
        ],
        modelConfig: {},
      },
      variables: { product: "Acme", question: "Why?" },
      followUps: [
        { role: "assistant", content: "Because." },
        { role: "user", content: "Why not?" },
      ],
      loadPartial: noPartials,
    });
    expect(rendered.messages.map((m) => `${m.role}: ${m.content}`)).toEqual(["system: You help with Acme.", "user: Why?", "assistant: Because.", "user: Why not?"]);
    expect(rendered.promptMessageCount).toBe(2);
  });

  it("refuses a missing variable by name and place instead of sending an empty value", async () => {
    const error = await renderInput({
      content: { type: "chat", template: null, messages: [{ role: "user", content: "Hi {{name}}" }], modelConfig: {} },
      variables: {},
      loadPartial: noPartials,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('User message, line 1, column 4: Missing variable "name"');
  });

  it("includes partials from the workspace: latest by default, a pinned version with @n, never a chat prompt", async () => {
    const { members } = await makeWorkspace(["editor"]);
    const ctx = members[0]!.ctx;
    const { id: signOff } = await createPrompt(ctx, { name: "shared/sign-off", type: "text", description: "", tags: [] });
    await saveVersion(ctx, { promptId: signOff, body: { type: "text", template: "Regards, {{agent}}" }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
    await saveVersion(ctx, { promptId: signOff, body: { type: "text", template: "Cheers, {{agent}}" }, modelConfig: {}, commitMessage: "v2", expectedParentVersion: 1 });
    await createPrompt(ctx, { name: "shared/chatty", type: "chat", description: "", tags: [] });
    const loadPartial = workspacePartialLoader({ workspaceId: ctx.workspaceId });
    const render = (template: string) =>
      renderInput({ content: { type: "text", template, messages: null, modelConfig: {} }, variables: { agent: "Sam" }, loadPartial });

    expect((await render("Thanks. {{> shared/sign-off}}")).messages[0]!.content).toBe("Thanks. Cheers, Sam");
    expect((await render("Thanks. {{> shared/sign-off@1}}")).messages[0]!.content).toBe("Thanks. Regards, Sam");
    await expect(render("{{> shared/missing}}")).rejects.toThrow(/Unknown partial "shared\/missing"/);
    await expect(render("{{> shared/chatty}}")).rejects.toThrow(/chat prompt; only text prompts can be included/);
  });
});
