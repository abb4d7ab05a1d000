import { describe, expect, it } from "vitest";
import { estimateCostUsd } from "@/lib/platform/models/catalog";
import { formatCost, formatCostDelta, formatMs, formatTokens } from "./format-stats";

describe("run cost", () => {
  it("prices input and output tokens from the catalog, per million", () => {
    expect(estimateCostUsd({ modelId: "openai:gpt-4o", inputTokens: 1_000_000, outputTokens: 0 })).toBe(2.5);
    expect(estimateCostUsd({ modelId: "openai:gpt-4o", inputTokens: 1200, outputTokens: 300 })).toBeCloseTo(0.006, 12);
    expect(estimateCostUsd({ modelId: "anthropic:claude-haiku-4-5", inputTokens: 2000, outputTokens: 1000 })).toBeCloseTo(0.007, 12);
  });

  it("has no cost for an uncatalogued model and a zero cost for the offline model", () => {
    expect(estimateCostUsd({ modelId: "ollama:llama3.1", inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(estimateCostUsd({ modelId: "offline:demo", inputTokens: 10, outputTokens: 10 })).toBe(0);
  });

  it("shows small costs with two significant digits, so cheap models still compare", () => {
    expect(formatCost(0.006)).toBe("$0.006");
    expect(formatCost(0.000123456)).toBe("$0.00012");
    expect(formatCost(0.00001)).toBe("$0.00001");
    expect(formatCost(1.234)).toBe("$1.23");
    expect(formatCost(0)).toBe("free");
    expect(formatCost(null)).toBe("unknown");
  });

  it("writes a change in cost the same way, with its sign, never as $0.00000", () => {
    expect(formatCostDelta(0.000123456)).toBe("+$0.00012");
    expect(formatCostDelta(-1.234)).toBe("−$1.23");
    expect(formatCostDelta(0)).toBe("no change");
    expect(formatCostDelta(null)).toBe("—");
  });
});

describe("run timings and tokens", () => {
  it("reads milliseconds under a second and seconds above", () => {
    expect(formatMs(12.4)).toBe("12 ms");
    expect(formatMs(1520)).toBe("1.52 s");
    expect(formatMs(null)).toBe("—");
  });

  it("marks estimated token counts", () => {
    expect(formatTokens({ input: 12, output: 40, estimated: false })).toBe("12 in · 40 out");
    expect(formatTokens({ input: 12, output: 40, estimated: true })).toBe("≈ 12 in · 40 out");
  });
});
