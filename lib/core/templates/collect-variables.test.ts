import { describe, expect, it } from "vitest";
import { templateError } from "./errors";
import { collectVariables, type SyncPartialLoader } from "./collect-variables";
import { TEMPLATE_LIMITS } from "./limits";
import type { PartialTarget } from "./partial-ref";

/** A loader over fixed prompts keyed "name" or "name@label", recording every call. */
function loaderOf(prompts: Record<string, string>) {
  const calls: PartialTarget[] = [];
  const loadPartial: SyncPartialLoader = (ref) => {
    calls.push(ref);
    return prompts[ref.label === null ? ref.name : `${ref.name}@${ref.label}`] ?? null;
  };
  return { calls, loadPartial };
}

const text = (template: string, prompts: Record<string, string>, promptName?: string) =>
  collectVariables({ templates: [{ template }], loadPartial: loaderOf(prompts).loadPartial, ...(promptName ? { promptName } : {}) });

const names = (result: ReturnType<typeof collectVariables>) => result.variables.map((v) => v.name);

describe("collectVariables", () => {
  it("adds the variables of partials, recursively, after the template's own, saying which partial uses each", () => {
    const result = text("Write for {{brand}}. {{> marketing/tagline@production}} {{question}}", {
      "marketing/tagline@production": "A tagline for {{product}} aimed at {{audience}}. {{> shared/sign-off}}",
      "shared/sign-off": "Regards, {{agent}} and {{audience}}",
    });
    expect(result.problems).toEqual([]);
    expect(result.variables).toEqual([
      { name: "brand", inTemplate: true, partials: [], required: true },
      { name: "question", inTemplate: true, partials: [], required: true },
      { name: "product", inTemplate: false, partials: ["marketing/tagline@production"], required: true },
      { name: "audience", inTemplate: false, partials: ["marketing/tagline@production", "shared/sign-off"], required: true },
      { name: "agent", inTemplate: false, partials: ["shared/sign-off"], required: true },
    ]);
  });

  it("reads each partial at the label or version its tag pins, and a bare name as the loader decides", () => {
    const { calls, loadPartial } = loaderOf({ tone: "{{latest}}", "tone@production": "{{prod}}", "tone@3": "{{three}}" });
    const result = collectVariables({ templates: [{ template: "{{> tone}} {{> tone@production}} {{> tone@3}} {{> tone@3}}" }], loadPartial });
    expect(names(result)).toEqual(["latest", "prod", "three"]);
    expect(result.variables.find((v) => v.name === "prod")?.partials).toEqual(["tone@production"]);
    expect(calls).toEqual([
      { name: "tone", label: null },
      { name: "tone", label: "production" },
      { name: "tone", label: "3" },
    ]);
  });

  it("takes the union over the messages of a chat prompt, loading a shared partial once", () => {
    const { calls, loadPartial } = loaderOf({ "rules@1": "Never promise {{promise}}." });
    const result = collectVariables({
      templates: [
        { template: "You help with {{product}}. {{> rules@1}}", where: "System message" },
        { template: "{{question}} {{> rules@1}}", where: "User message" },
      ],
      loadPartial,
    });
    expect(names(result)).toEqual(["product", "question", "promise"]);
    expect(calls).toHaveLength(1);
  });

  it("marks as optional what only sections use, and the variables of a partial included inside a section", () => {
    const result = text("{{#vip}}Dear {{title}} {{> perks}}{{/vip}}{{^items}}none{{/items}} {{name}} {{> footer}}", {
      perks: "Perks for {{tier}}",
      footer: "{{#signed}}{{agent}}{{/signed}} {{company}}",
    });
    expect(Object.fromEntries(result.variables.map((v) => [v.name, v.required]))).toEqual({
      vip: false,
      title: false,
      items: false,
      name: true,
      tier: false,
      signed: false,
      agent: false,
      company: true,
    });
  });

  it("is required when any tag of the partial is outside a section", () => {
    const result = text("{{#a}}{{> p}}{{/a}} {{> p}}", { p: "{{x}}" });
    expect(result.variables.find((v) => v.name === "x")?.required).toBe(true);
  });

  it("reports an unknown prompt, an unknown label and a missing version on the tag, and keeps every other variable", () => {
    const result = text("{{known}} {{> nope/missing@production}}\n{{> tone@staging}} {{> tone@7}} {{> tone}}", { tone: "{{mood}}" });
    expect(names(result)).toEqual(["known", "mood"]);
    expect(result.problems).toEqual([
      { partial: "nope/missing@production", templateIndex: 0, where: null, line: 1, column: 11, message: 'Unknown partial "nope/missing@production": no prompt has this name and label' },
      { partial: "tone@staging", templateIndex: 0, where: null, line: 2, column: 1, message: 'Unknown partial "tone@staging": no prompt has this name and label' },
      { partial: "tone@7", templateIndex: 0, where: null, line: 2, column: 20, message: 'Unknown partial "tone@7": no prompt has this name and label' },
    ]);
  });

  it("attributes a problem deep inside partials to the tag that leads there, with its place", () => {
    const result = text("Hi {{> a}}", { a: "{{x}}\n{{> b}}", b: "{{y}} {{> gone}}" });
    expect(names(result)).toEqual(["x", "y"]);
    expect(result.problems).toEqual([
      {
        partial: "a",
        templateIndex: 0,
        where: null,
        line: 1,
        column: 4,
        message: 'Unknown partial "gone": no prompt has this name (in partial "b", line 1, column 7)',
      },
    ]);
  });

  it("reports a cycle without looping, by prompt name whatever the labels, the prompt itself included", () => {
    const loop = text("{{> a}}", { a: "{{in_a}} {{> b@production}}", "b@production": "{{in_b}} {{> a@2}}", "a@2": "{{in_a2}}" });
    expect(names(loop)).toEqual(["in_a", "in_b"]);
    expect(loop.problems.map((p) => p.message)).toEqual(['Partials include each other in a cycle: a → b@production → a@2 (in partial "b@production", line 1, column 10)']);

    const self = text("{{> helper}}", { helper: "{{> main@production}}", "main@production": "{{x}}" }, "main");
    expect(self.problems.map((p) => p.message)).toEqual(['Partials include each other in a cycle: main → helper → main@production (in partial "helper", line 1, column 1)']);

    const direct = text("{{> main@1}}", { "main@1": "{{x}}" }, "main");
    expect(direct.problems.map((p) => p.message)).toEqual(["Partials include each other in a cycle: main → main@1"]);
  });

  it("stops at the depth limit and says so, keeping the variables above it", () => {
    const prompts: Record<string, string> = {};
    const levels = TEMPLATE_LIMITS.maxPartialDepth + 1;
    for (let level = 1; level <= levels; level += 1) prompts[`p${level}`] = `{{v${level}}} ${level < levels ? `{{> p${level + 1}}}` : ""}`;
    const result = text("{{> p1}}", prompts);
    expect(names(result)).toEqual(Array.from({ length: TEMPLATE_LIMITS.maxPartialDepth }, (_, i) => `v${i + 1}`));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^Partials are nested more than 10 levels deep \(limit: 10\): p1 → p2 → .* → p11 \(in partial "p10", line 1, column 9\)$/);
  });

  it("reports a partial the loader refuses, a broken partial and too many partials, never throwing", () => {
    const loadPartial: SyncPartialLoader = (ref) => {
      if (ref.name === "chatty") throw templateError({ message: 'Partial "chatty" is a chat prompt; only text prompts can be included.' });
      if (ref.name === "broken") return "{{#open}} {{x}}";
      return ref.name.startsWith("many/") ? "." : null;
    };
    const many = Array.from({ length: TEMPLATE_LIMITS.maxPartials + 1 }, (_, i) => `{{> many/p${i}}}`).join("");
    const result = collectVariables({ templates: [{ template: `{{> chatty}} {{> broken}} ${many}` }], loadPartial });
    expect(names(result)).toEqual(["open", "x"]);
    expect(result.problems.map((p) => [p.partial, p.message])).toEqual([
      ["chatty", 'Partial "chatty" is a chat prompt; only text prompts can be included.'],
      ["broken", 'Unclosed section "open": add {{/open}} (in partial "broken", line 1, column 1)'],
      [`many/p${TEMPLATE_LIMITS.maxPartials - 1}`, "Too many partials: one render can include at most 100 different partials (limit: 100)"],
      [`many/p${TEMPLATE_LIMITS.maxPartials}`, "Too many partials: one render can include at most 100 different partials (limit: 100)"],
    ]);
  });

  it("walks a wide diamond of partials in linear time: each partial is explored once", () => {
    // Ten levels of two partials that both include both of the next level: 2^10 paths, 20 partials.
    const prompts: Record<string, string> = {};
    for (let level = 1; level <= 9; level += 1) {
      for (const side of ["l", "r"]) prompts[`${side}${level}`] = `{{${side}${level}}} {{> l${level + 1}}} {{> r${level + 1}}}`;
    }
    prompts.l10 = "{{l10}}";
    prompts.r10 = "{{r10}}";
    const { calls, loadPartial } = loaderOf(prompts);
    const result = collectVariables({ templates: [{ template: "{{> l1}} {{> r1}}" }], loadPartial });
    expect(result.problems).toEqual([]);
    expect(result.variables).toHaveLength(20);
    expect(calls).toHaveLength(20);
  });

  it("reports each problem once per leading tag in a dense diamond (10^9 paths, 90 partials)", () => {
    // Nine levels of ten partials, each including all ten of the next level; the last level includes one that is gone.
    const prompts: Record<string, string> = {};
    const level = (n: number) => Array.from({ length: 10 }, (_, i) => `{{> p${n}_${i}}}`).join("");
    for (let n = 1; n <= 9; n += 1) for (let i = 0; i < 10; i += 1) prompts[`p${n}_${i}`] = n < 9 ? `{{v${n}}}${level(n + 1)}` : "{{> gone}}";
    const result = collectVariables({ templates: [{ template: level(1) }], loadPartial: loaderOf(prompts).loadPartial });
    expect(names(result)).toEqual(["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"]);
    const gone = Array.from({ length: 10 }, (_, i) => `Unknown partial "gone": no prompt has this name (in partial "p9_${i}", line 1, column 1)`);
    expect(result.problems).toHaveLength(100);
    expect(result.problems.filter((p) => p.partial === "p1_0").map((p) => p.message)).toEqual(gone);
  });
});
