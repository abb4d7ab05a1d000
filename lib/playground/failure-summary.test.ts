import { describe, expect, it } from "vitest";
import { summariseFailures } from "./failure-summary";

describe("summariseFailures", () => {
  it("says nothing when no column failed", () => {
    expect(summariseFailures([])).toBeNull();
  });

  it("names the one failing column and its reason", () => {
    expect(summariseFailures([{ column: 2, message: "Rate limited" }])).toBe("Column 2: Rate limited");
  });

  it("gives one notice for columns failing for the same reason, naming the reason once", () => {
    const missing = 'Missing variable "audience" (in partial "marketing/tagline@production", line 1, column 40)';
    expect(summariseFailures([3, 1, 2].map((column) => ({ column, message: missing })))).toBe(`Columns 1, 2 and 3: ${missing}`);
  });

  it("points to the columns when their reasons differ", () => {
    expect(summariseFailures([{ column: 1, message: "a" }, { column: 4, message: "b" }])).toBe("Columns 1 and 4 failed; each column says why.");
  });
});
