import { describe, expect, it } from "vitest";
import { scorerConfigsSchema } from "./config";
import { runScorer } from "./registry";

const ctx = { workspaceId: "w", output: "  Refund issued. ", expected: "Refund issued.", variables: {}, renderedInput: "", latencyMs: 10, costUsd: 0 };

describe("scorer registry", () => {
  it("runs equals against the expected output, trimmed", async () => {
    const v = await runScorer({ key: "eq", type: "equals", label: "equals", params: {} }, ctx);
    expect(v).toMatchObject({ score: 1, passed: true });
  });

  it("is case-sensitive for contains and not for icontains", async () => {
    expect(await runScorer({ key: "c", type: "contains", label: "c", params: { value: "refund" } }, ctx)).toMatchObject({ passed: false });
    expect(await runScorer({ key: "i", type: "icontains", label: "i", params: { value: "refund" } }, ctx)).toMatchObject({ passed: true });
  });

  it("turns invalid settings into an error verdict, never a pass", async () => {
    const v = await runScorer({ key: "c", type: "contains", label: "c", params: {} }, ctx);
    expect(v).toMatchObject({ passed: false, error: true });
  });

  it("refuses duplicate keys and bad params at the boundary", () => {
    const dup = scorerConfigsSchema.safeParse([
      { key: "a", type: "contains", label: "a", params: { value: "x" } },
      { key: "a", type: "contains", label: "b", params: { value: "y" } },
    ]);
    expect(dup.success).toBe(false);
    const bad = scorerConfigsSchema.safeParse([{ key: "a", type: "regex", label: "a", params: {} }]);
    expect(bad.success).toBe(false);
  });

  it("fills {{variables}} in text params from the case, as promptfoo renders assertion values", async () => {
    const withVars = { ...ctx, output: "Welcome to Ledgerly!", variables: { product: "Ledgerly" } };
    expect(await runScorer({ key: "p", type: "icontains", label: "p", params: { value: "{{ product }}" } }, withVars)).toMatchObject({ passed: true });
    expect(await runScorer({ key: "q", type: "contains-any", label: "q", params: { values: ["{{missing}}", "nope"] } }, withVars)).toMatchObject({
      passed: false,
      reason: 'Output contains none of "{{missing}}", "nope".',
    });
  });
});
