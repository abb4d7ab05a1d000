import { describe, expect, it } from "vitest";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { diffText } from "./diff-text";
import { diffVersions } from "./diff-versions";
import { syntheticTextPair } from "./synthetic-text";
import type { DiffLine } from "./types";

const text = (template: string, modelConfig: PromptContent["modelConfig"] = {}): PromptContent => ({ type: "text", template, messages: null, modelConfig });
const chat = (messages: NonNullable<PromptContent["messages"]>, modelConfig: PromptContent["modelConfig"] = {}): PromptContent => ({
  type: "chat",
  template: null,
  messages,
  modelConfig,
});

const joined = (line: DiffLine) => line.segments?.map((s) => s.text).join("");

describe("diffVersions", () => {
  it("reports no changes for identical versions", () => {
    const version = text("Hello {{name}}\nBye", { model: "offline:demo", temperature: 0.2 });
    const diff = diffVersions({ before: version, after: structuredClone(version) });
    expect(diff.summary).toEqual({ linesAdded: 0, linesRemoved: 0, settingChanges: [], text: "No changes" });
    expect(diff.parts.map((p) => [p.id, p.status])).toEqual([
      ["template", "unchanged"],
      ["settings", "unchanged"],
    ]);
    expect(diff.parts[0]?.lines.every((l) => l.kind === "same")).toBe(true);
  });

  it("numbers the lines of a template change and marks the changed words", () => {
    const diff = diffVersions({
      before: text("Intro\nWrite a short tagline for {{product}}.\nOutro"),
      after: text("Intro\nWrite a punchy tagline for {{product}}.\nExtra line\nOutro"),
    });
    const template = diff.parts[0];
    expect(template).toMatchObject({ id: "template", label: "Template", status: "changed" });
    expect(template?.lines.map(({ kind, beforeLine, afterLine }) => [kind, beforeLine, afterLine])).toEqual([
      ["same", 1, 1],
      ["remove", 2, null],
      ["add", null, 2],
      ["add", null, 3],
      ["same", 3, 4],
    ]);
    const [, removed, added, extra] = template?.lines ?? [];
    expect(removed?.segments).toEqual([
      { kind: "same", text: "Write a " },
      { kind: "remove", text: "short" },
      { kind: "same", text: " tagline for {{product}}." },
    ]);
    expect(added?.segments).toEqual([
      { kind: "same", text: "Write a " },
      { kind: "add", text: "punchy" },
      { kind: "same", text: " tagline for {{product}}." },
    ]);
    expect(joined(removed!)).toBe(removed?.text);
    expect(extra?.segments).toBeUndefined();
    expect(diff.summary.text).toBe("+2 −1 lines");
  });

  it("leaves unrelated replacement lines without word marks", () => {
    const { lines } = diffText({ before: "alpha beta gamma", after: "completely different words" });
    expect(lines.map((l) => l.segments)).toEqual([undefined, undefined]);
  });

  it("treats a trailing newline as a change to the last line", () => {
    const { lines, linesAdded } = diffText({ before: "a", after: "a\n" });
    expect(linesAdded).toBe(1);
    expect(lines.at(-1)).toEqual({ kind: "add", text: "", beforeLine: null, afterLine: 2 });
  });

  it("matches chat messages by position and role", () => {
    const diff = diffVersions({
      before: chat([
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
      ]),
      after: chat([
        { role: "system", content: "You are very helpful." },
        { role: "assistant", content: "Hi" },
      ]),
    });
    expect(diff.parts.map((p) => [p.id, p.label, p.status])).toEqual([
      ["message-1", "Message 1 · system", "changed"],
      ["message-2-removed", "Message 2 · user", "removed"],
      ["message-2-added", "Message 2 · assistant", "added"],
      ["message-3", "Message 3 · assistant", "removed"],
      ["settings", "Model settings", "unchanged"],
    ]);
    const removedThird = diff.parts[3];
    expect(removedThird).toMatchObject({ before: "Hello!", after: "" });
    expect(removedThird?.lines).toEqual([{ kind: "remove", text: "Hello!", beforeLine: 1, afterLine: null }]);
    expect(diff.summary).toMatchObject({ linesAdded: 2, linesRemoved: 3 });
  });

  it("reports added messages and a switch between text and chat", () => {
    const grown = diffVersions({ before: chat([{ role: "user", content: "Hi" }]), after: chat([{ role: "user", content: "Hi" }, { role: "assistant", content: "a\nb" }]) });
    expect(grown.parts[1]).toMatchObject({ id: "message-2", status: "added", lines: [{ kind: "add", afterLine: 1 }, { kind: "add", afterLine: 2 }] });
    expect(grown.summary.text).toBe("+2 −0 lines");

    const switched = diffVersions({ before: text("Hi"), after: chat([{ role: "user", content: "Hi" }]) });
    expect(switched.parts.map((p) => [p.id, p.status])).toEqual([
      ["template", "removed"],
      ["message-1", "added"],
      ["settings", "unchanged"],
    ]);
  });

  it("summarises a settings change and ignores JSON key order", () => {
    const diff = diffVersions({
      before: text("Same", { temperature: 0.2, model: "offline:demo", responseFormat: { type: "json", schema: { a: 1, b: 2 } } }),
      after: text("Same", { responseFormat: { schema: { b: 2, a: 1 }, type: "json" }, model: "offline:demo", temperature: 0.7 }),
    });
    expect(diff.summary.settingChanges).toEqual([{ key: "temperature", from: 0.2, to: 0.7 }]);
    expect(diff.summary.text).toBe("temperature 0.2 → 0.7");
    const settings = diff.parts.at(-1);
    expect(settings?.status).toBe("changed");
    expect(settings?.lines.filter((l) => l.kind !== "same").map((l) => l.text.trim())).toEqual(['"temperature": 0.2', '"temperature": 0.7']);
    expect(diff.summary.linesAdded).toBe(0);
  });

  it("shows a guard policy change in the model settings, entry by entry", () => {
    const diff = diffVersions({
      before: text("Same", { model: "offline:demo" }),
      after: text("Same", { model: "offline:demo", guard: { words: ["refund", "cash"], pii: "block" } }),
    });
    const settings = diff.parts.at(-1);
    expect(settings?.status).toBe("changed");
    expect(settings?.lines.filter((l) => l.kind === "add").map((l) => l.text.trim())).toEqual(expect.arrayContaining(['"guard": {', '"pii": "block",', '"refund",', '"cash"']));
    expect(diff.summary.settingChanges.map((change) => change.key)).toEqual(["guard"]);
  });

  it("writes several changes into one summary line", () => {
    const diff = diffVersions({
      before: text("one\ntwo\nthree", { model: "gpt-4o", temperature: 0.2, tools: [{ name: "lookup_order", description: "Find an order by id", parameters: { type: "object" } }] }),
      after: text("one\n2\nthree\nfour", { model: "gpt-4.1", maxOutputTokens: 512, stopSequences: [""] }),
    });
    expect(diff.summary.settingChanges.map((c) => c.key)).toEqual(["maxOutputTokens", "model", "stopSequences", "temperature", "tools"]);
    expect(diff.summary.text).toBe(
      '+2 −1 lines, maxOutputTokens unset → 512, model gpt-4o → gpt-4.1, stopSequences unset → [""], temperature 0.2 → unset, ' +
        'tools [{"description":"Find an order by id","… → unset',
    );
  });

  it("counts a 5,000-line diff exactly", () => {
    const pair = syntheticTextPair({ lines: 5_000, changes: 300 });
    const diff = diffVersions({ before: text(pair.before), after: text(pair.after) });
    expect(diff.summary).toMatchObject(pair.expected);
    const lines = diff.parts[0]?.lines ?? [];
    expect(lines.filter((l) => l.kind !== "add")).toHaveLength(5_000);
    expect(lines.filter((l) => l.kind !== "remove").at(-1)?.afterLine).toBe(pair.after.split("\n").length);
    // Every rewritten line pairs with its original and gets word marks that spell it back.
    const marked = lines.filter((l) => l.segments);
    expect(marked).toHaveLength(200);
    expect(marked.every((l) => joined(l) === l.text)).toBe(true);
  });

  it("shows two long texts that share nothing as a whole replacement", () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 3_000 }, (_, i) => `new ${i}`).join("\n");
    const { lines, linesAdded, linesRemoved } = diffText({ before, after });
    expect([linesAdded, linesRemoved, lines.length]).toEqual([3_000, 3_000, 6_000]);
    expect(lines[0]).toMatchObject({ kind: "remove", beforeLine: 1 });
  });
});
