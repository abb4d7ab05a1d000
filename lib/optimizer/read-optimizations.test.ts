import { describe, expect, it } from "vitest";
import { makeDataset } from "@/lib/testing/eval-runs";
import { makeTicketWorkspace } from "@/lib/testing/optimizer";
import { loadOptimizeTab } from "./read-optimizations";

describe("the Optimize tab's loader", () => {
  it("lists the prompt's optimizations and its own workspace's datasets with their case counts, for a viewer too", async () => {
    const ws = await makeTicketWorkspace({ cases: 30 });
    const other = await makeTicketWorkspace({ cases: 12 });
    await makeDataset({ workspaceId: ws.workspace.id, name: "a-small", count: 3 });
    const { id } = await ws.start();
    const tab = await loadOptimizeTab(ws.viewer, { promptId: ws.promptId });
    expect(tab.optimizations.map((o) => [o.id, o.status, o.dataset.name])).toEqual([[id, "queued", ws.dataset.name]]);
    expect(tab.datasets.map((d) => [d.name, d.caseCount]).sort()).toEqual([
      ["a-small", 3],
      [ws.dataset.name, 30],
    ].sort());
    expect(tab.datasets.map((d) => d.id)).not.toContain(other.dataset.id);
  });

  it("refuses another workspace's prompt as not found", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    const other = await makeTicketWorkspace({ cases: 12 });
    await expect(loadOptimizeTab(other.editor, { promptId: ws.promptId })).rejects.toMatchObject({ status: 404 });
  });
});
