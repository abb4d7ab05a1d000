// Guard policies against the inputs they must refuse, the near-misses they must let through, and the inputs an
// attacker would send to make them slow.
import { describe, expect, it } from "vitest";
import { checkInput, compileGuard, compilePhrases, maskOutput, type GuardPolicy } from ".";

const guard = (policy: GuardPolicy) => compileGuard(policy)!;
const ruleOf = (policy: GuardPolicy, variables: Record<string, unknown>) => {
  const verdict = checkInput(guard(policy), variables);
  return verdict.refused?.rule ?? null;
};

describe("the phrase matcher", () => {
  it("matches listed words on word boundaries, ignoring case, width and spacing", () => {
    const matcher = compilePhrases(["cash", "wire transfer"]);
    for (const text of ["CASH please", "pay in cash.", "a Wire\n  Transfer now", "ＣＡＳＨ", "(cash)"]) expect(matcher.test(text), text).toBe(true);
    for (const text of ["cashier", "cashback", "wire-transferred", "transfer wire", "ca sh"]) expect(matcher.test(text), text).toBe(false);
  });

  it("treats list entries as text, never as patterns", () => {
    const matcher = compilePhrases(["a.*b", "(x+)+$", "c++"]);
    expect(matcher.test("axxxb")).toBe(false);
    expect(matcher.test("a b")).toBe(true); // "a.*b" is the words "a" and "b"
    expect(matcher.test("I write C++ daily")).toBe(true);
  });

  it("finds overlapping and nested phrases, the longest at each end", () => {
    const matcher = compilePhrases(["credit card", "card", "card number"]);
    expect(matcher.find("my credit card number")).toEqual([
      { start: 3, end: 14 },
      { start: 10, end: 21 },
    ]);
  });

  it("drops entries with no word in them", () => {
    expect(compilePhrases(["...", "  "]).test("... anything")).toBe(false);
  });
});

describe("checkInput", () => {
  it("refuses with the first violated rule, in the documented order", () => {
    const policy: GuardPolicy = { maxInputChars: 100, words: ["refund"], deniedTopics: ["competitor pricing"], pii: "block" };
    expect(ruleOf(policy, { a: "x".repeat(101) })).toBe("max-input-length");
    expect(ruleOf(policy, { a: "Refund me, competitor pricing, ana@example.com" })).toBe("word-list");
    expect(ruleOf(policy, { a: "what is competitor   Pricing?" })).toBe("denied-topic");
    expect(ruleOf(policy, { a: "mail ana@example.com" })).toBe("pii");
    expect(ruleOf(policy, { a: "refunded? pricing of competitors" })).toBeNull();
  });

  it("counts the characters of every value together, nested ones and numbers included", () => {
    const policy = { maxInputChars: 10 };
    expect(ruleOf(policy, { a: "12345", b: "12345" })).toBeNull();
    expect(ruleOf(policy, { a: "12345", b: ["1234", { c: 56 }] })).toBe("max-input-length");
    expect(checkInput(guard(policy), { a: "x".repeat(11) })).toEqual({
      refused: { rule: "max-input-length", message: "The prompt's guard policy refuses this input: its variables hold 11 characters, over the limit of 10." },
    });
  });

  it("finds listed words in nested values but not in the variables' names", () => {
    expect(ruleOf({ words: ["secret"] }, { items: [{ name: "a secret" }] })).toBe("word-list");
    expect(ruleOf({ words: ["secret"] }, { secret: "nothing here" })).toBeNull();
  });

  it("does not say which word or topic matched", () => {
    const verdict = checkInput(guard({ words: ["zebra"], deniedTopics: ["llamas"] }), { a: "zebra" });
    expect(verdict.refused?.message).not.toMatch(/zebra/i);
  });

  it("masks personal data in mask mode instead of refusing, keeping the values' shape", () => {
    const verdict = checkInput(guard({ pii: "mask" }), { a: "mail ana@example.com", list: ["call +1 555 123 4567", 7], none: null });
    expect(verdict).toEqual({ refused: null, masked: ["pii"], variables: { a: "mail [EMAIL]", list: ["call [PHONE]", 7], none: null } });
    const clean = { a: "nothing personal" };
    expect(checkInput(guard({ pii: "mask" }), clean)).toEqual({ refused: null, masked: [], variables: clean });
  });

  it("leaves a version without a policy, or with an empty one, unguarded", () => {
    expect(compileGuard(undefined)).toBeNull();
    expect(compileGuard({})).toBeNull();
    expect(compileGuard({ words: [], deniedTopics: [], pii: "off" })).toBeNull();
  });

  it("compiles a policy once, however many requests use it", () => {
    const policy: GuardPolicy = { words: ["a"] };
    expect(compileGuard(policy)).toBe(compileGuard(policy));
  });
});

describe("maskOutput", () => {
  it("masks listed words and personal data, and says which rules masked", () => {
    const result = maskOutput(guard({ words: ["acme secret", "refund"], pii: "block" }), "The ACME  secret: refunds go to ana@example.com; Refund now.");
    expect(result).toEqual({ text: "The [MASKED]: refunds go to [EMAIL]; [MASKED] now.", masked: ["word-list", "pii"] });
  });

  it("leaves personal data alone when PII handling is off, and denied topics always", () => {
    expect(maskOutput(guard({ pii: "off", deniedTopics: ["weather"] }), "weather: ana@example.com")).toEqual({ text: "weather: ana@example.com", masked: [] });
  });

  it("merges overlapping listed phrases into one mask", () => {
    expect(maskOutput(guard({ words: ["credit card", "card number"] }), "my credit card number ok").text).toBe("my [MASKED] ok");
  });
});

describe("hostile inputs", () => {
  // The best of two runs: what is measured is the work the input causes, not a neighbour's turn on a shared CPU.
  const within = (ms: number, work: () => void) => {
    const times = [0, 1].map(() => {
      const started = performance.now();
      work();
      return performance.now() - started;
    });
    return expect(Math.min(...times)).toBeLessThan(ms);
  };
  // 500 entries of up to 100 characters, all sharing their first words with the input: the worst case for a
  // matcher that retries each entry at each position.
  const longList = Array.from({ length: 500 }, (_, i) => `${"a ".repeat(45)}z${i}`);
  const policy: GuardPolicy = { words: longList, deniedTopics: Array.from({ length: 50 }, (_, i) => `${"a ".repeat(90)}t${i}`), pii: "mask", maxInputChars: 1_000_000 };

  it("answers a megabyte of repeated words against a 500-word list well under a second", () => {
    const compiled = guard(policy);
    for (const text of ["a ".repeat(500_000), "a@".repeat(500_000), "1-".repeat(500_000), "é".repeat(1_000_000)]) {
      within(1_000, () => checkInput(compiled, { text }));
      within(1_000, () => maskOutput(compiled, text));
    }
  });

  it("still finds the entry at the end of a megabyte", () => {
    expect(ruleOf(policy, { text: `${"a ".repeat(499_900)}z499` })).toBe("word-list");
  });

  it("refuses a megabyte over the limit before reading a word of it", () => {
    within(1_000, () => expect(ruleOf({ ...policy, maxInputChars: 1_000 }, { text: "a ".repeat(500_000) })).toBe("max-input-length"));
  });
});
