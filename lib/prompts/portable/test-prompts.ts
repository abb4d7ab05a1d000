// Sample portable prompts shared by the export and import tests.
import type { PortablePrompt } from "./types";

export const textPrompt: PortablePrompt = {
  name: "marketing/tagline",
  type: "text",
  description: "Taglines for product pages.",
  tags: ["marketing", "short copy"],
  archived: false,
  labels: { production: 2, staging: 3 },
  versions: [
    {
      version: 1,
      message: "First draft",
      author: "editor@example.com",
      createdAt: "2026-11-22T02:37:00.000Z",
      modelConfig: { model: "offline:demo", temperature: 0.7 },
      template: "Write a tagline for {{product}}",
    },
    {
      version: 2,
      message: "Add tone: and a list",
      author: null,
      createdAt: "2026-11-23T10:00:00.000Z",
      modelConfig: { temperature: 0.2, model: "offline:demo", stopSequences: ["\n\n", "END"] },
      template: "Write a tagline for {{product}}.\n\nTone: {{tone}}\n  - indented: yes\n# not a comment\n",
    },
    {
      version: 3,
      message: "true",
      author: "editor@example.com",
      createdAt: "2026-11-24T08:30:00+02:00",
      modelConfig: {},
      template: "  leading spaces\ttab  \ntrailing spaces   \n\n\n",
    },
  ],
};

export const chatPrompt: PortablePrompt = {
  name: "support/triage",
  type: "chat",
  description: "Classifies incoming tickets.\nSecond line of description.",
  tags: [],
  archived: true,
  labels: {},
  versions: [
    {
      version: 1,
      message: "First triage prompt",
      author: "editor@example.com",
      createdAt: "2026-11-22T02:37:00.000Z",
      modelConfig: { model: "offline:demo", temperature: 0.7 },
      messages: [{ role: "system", content: "You are a support triage assistant." }],
    },
    {
      version: 2,
      message: "Add examples",
      author: "lead@example.com",
      createdAt: "2026-11-22T03:00:00.000Z",
      modelConfig: {
        model: "offline:demo",
        responseFormat: { type: "json", schema: { type: "object", properties: { label: { type: "string" }, confidence: { type: "number" } } } },
      },
      messages: [
        { role: "system", content: "You are a support triage assistant.\nAnswer with JSON.\n" },
        { role: "user", content: "My order #123 never arrived: null" },
        { role: "assistant", content: '{"label": "shipping"}' },
      ],
    },
    {
      version: 3,
      message: "Tools",
      author: null,
      createdAt: "2026-11-22T04:00:00.000Z",
      modelConfig: {
        maxOutputTokens: 256,
        topP: 0.9,
        tools: [{ name: "lookup_order", description: "Find an order", parameters: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } }],
      },
      messages: [
        { role: "system", content: "" },
        { role: "user", content: "{{ticket}}" },
      ],
    },
  ],
};
