import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPromptClient, type PromptClient } from "./create-prompt-client";
import { renderPrompt } from "./render";
import { refusedUrl, servePrompts, startStudioStub, textPromptBody, type StudioStub, type StubPrompt } from "./studio-stub";
import type { Prompt } from "./types";

const apiKey = "pk_test";
let stub: StudioStub;
let client: PromptClient;

const prompts = new Map<string, StubPrompt>([
  [
    "support/reply",
    {
      etag: '"r1"',
      body: textPromptBody("support/reply", {
        version: 2,
        template: "{{> greeting@production}} thanks for writing.\n{{#items}}- {{title}}\n{{/items}}{{^items}}No items.\n{{/items}}{{> signature}}",
        partials: { "greeting@production": "Hi {{customer.name}} <{{customer.email}}>,", signature: "-- {{> team}}", team: "The {{team}} team" },
      }),
    },
  ],
  [
    "support/chat",
    {
      etag: '"c1"',
      body: {
        ...textPromptBody("support/chat", { partials: { "rules@production": "Never promise {{promise}}." } }),
        type: "chat",
        template: null,
        messages: [
          { role: "system", content: "You help {{company}}. {{> rules@production}}" },
          { role: "user", content: "{{question}}" },
        ],
      },
    },
  ],
]);

beforeAll(async () => {
  stub = await startStudioStub(servePrompts({ apiKey, prompts }));
  client = createPromptClient({ baseUrl: stub.url, apiKey });
});

afterAll(async () => {
  await stub.close();
});

describe("client.render", () => {
  it("renders a text prompt with sections, nested partials and no HTML escaping", async () => {
    const variables = { customer: { name: "Ann & Bob", email: "ann@example.com" }, items: [{ title: "A <b>" }, { title: "B" }], team: "Support" };
    const result = await client.render("support/reply", variables);

    expect(result).toMatchObject({ type: "text", name: "support/reply", version: 2, source: "network", modelConfig: { model: "demo" } });
    expect(result.text).toBe("Hi Ann & Bob <ann@example.com>, thanks for writing.\n- A <b>\n- B\n-- The Support team");
  });

  it("renders the inverted section when the list is empty", async () => {
    const result = await client.render("support/reply", { customer: { name: "Ann", email: "a@x" }, items: [], team: "Ops" });
    expect(result.text).toBe("Hi Ann <a@x>, thanks for writing.\nNo items.\n-- The Ops team");
  });

  it("renders every message of a chat prompt, with partials", async () => {
    const result = await client.render("support/chat", { company: "Acme", promise: "refunds", question: "Where is my order?" });

    expect(result.type).toBe("chat");
    expect(result.messages).toEqual([
      { role: "system", content: "You help Acme. Never promise refunds." },
      { role: "user", content: "Where is my order?" },
    ]);
  });

  it("names every missing variable, including those inside partials", async () => {
    await expect(client.render("support/chat", { company: "Acme" })).rejects.toMatchObject({
      code: "render:missing_variables",
      message: 'Missing variables "promise", "question" in prompt "support/chat".',
      details: { missing: ["promise", "question"] },
    });
  });

  it("renders missing variables as empty text when lenient", async () => {
    const result = await client.render("support/chat", { company: "Acme" }, { lenient: true });
    expect(result.messages?.map((m) => m.content)).toEqual(["You help Acme. Never promise .", ""]);
  });

  it("renders the fallback, reporting why, when the studio is unreachable", async () => {
    const offline = createPromptClient({ baseUrl: await refusedUrl(), apiKey });
    const result = await offline.render("support/chat", { question: "Hello?" }, { fallback: { type: "chat", messages: [{ role: "user", content: "Q: {{question}}" }] } });

    expect(result).toMatchObject({ source: "fallback", version: null, messages: [{ role: "user", content: "Q: Hello?" }], error: { code: "client:unreachable" } });
  });
});

describe("renderPrompt", () => {
  const prompt = (template: string, partials: Record<string, string> = {}): Prompt => ({
    name: "p",
    version: 1,
    type: "text",
    template,
    messages: null,
    modelConfig: {},
    variables: [],
    partials,
    environments: [],
    label: null,
    updatedAt: null,
    isFallback: false,
  });

  it("refuses a partial the prompt's map does not hold", () => {
    expect(() => renderPrompt({ prompt: prompt("{{> greeting}}"), variables: {} })).toThrow(expect.objectContaining({ code: "render:unknown_partial" }));
  });

  it("does not treat Object's own properties as variables or partials", () => {
    expect(() => renderPrompt({ prompt: prompt("{{constructor}}"), variables: {} })).toThrow(expect.objectContaining({ code: "render:missing_variables" }));
    expect(() => renderPrompt({ prompt: prompt("{{> toString}}"), variables: {} })).toThrow(expect.objectContaining({ code: "render:unknown_partial" }));
  });

  it("stops partials that include each other", () => {
    expect(() => renderPrompt({ prompt: prompt("{{> a}}", { a: "{{> b}}", b: "{{> a}}" }), variables: {} })).toThrow(expect.objectContaining({ code: "render:partial_depth" }));
  });

  it("reports a syntax error as a template error", () => {
    expect(() => renderPrompt({ prompt: prompt("{{#open}} never closed"), variables: {} })).toThrow(expect.objectContaining({ code: "render:template" }));
  });

  it("renders null as empty text without calling it missing", () => {
    expect(renderPrompt({ prompt: prompt("[{{note}}]"), variables: { note: null } })).toEqual({ type: "text", text: "[]" });
  });
});
