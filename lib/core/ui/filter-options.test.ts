import { describe, expect, it } from "vitest";
import { filterOptions } from "./filter-options";

const options = ["support/triage", "support/refund-reply", "marketing/tagline", "Summarise-Call"].map((name) => ({ value: `id-${name}`, label: name }));
const labels = (query: string, chosen = "") => filterOptions(options, query, chosen).map((o) => o.label);

describe("filtering a picker's options", () => {
  it("keeps every option for an empty or blank query", () => {
    expect(labels("")).toHaveLength(4);
    expect(labels("   ")).toHaveLength(4);
  });

  it("matches every word anywhere in the label, ignoring case and order", () => {
    expect(labels("support")).toEqual(["support/triage", "support/refund-reply"]);
    expect(labels("TRIAGE sup")).toEqual(["support/triage"]);
    expect(labels("summarise-call")).toEqual(["Summarise-Call"]);
    expect(labels("nothing-like-this")).toEqual([]);
  });

  it("always keeps the chosen option", () => {
    expect(labels("support", "id-marketing/tagline")).toEqual(["support/triage", "support/refund-reply", "marketing/tagline"]);
  });

  it("treats the query as text, not a pattern", () => {
    expect(labels(".*")).toEqual([]);
    expect(labels("(")).toEqual([]);
  });
});
