import { describe, expect, it } from "vitest";
import { buildFolderTree } from "./folder-tree";

describe("folder tree", () => {
  it("derives nested folders with counts of prompts below them, sorted", () => {
    const tree = buildFolderTree(["support/triage", "support/billing/refunds", "marketing/tagline", "top-level", "support/billing/faq"]);
    expect(tree.map((n) => [n.path, n.promptCount])).toEqual([
      ["marketing", 1],
      ["support", 3],
    ]);
    expect(tree[1]!.children).toEqual([{ path: "support/billing", name: "billing", promptCount: 2, children: [] }]);
  });

  it("has no folders for top-level names", () => {
    expect(buildFolderTree(["a", "b"])).toEqual([]);
  });
});
