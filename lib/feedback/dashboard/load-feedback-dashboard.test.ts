// The "Human feedback" section's data as the charts receive it: labelled, keyed series for one workspace.
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardFiltersSchema } from "@/lib/evals/dashboard/filters";
import { makeWorkspace } from "@/lib/testing/factories";
import { buildFeedbackWorkspace, buildStrangerWorkspace } from "@/lib/testing/feedback-workspace";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { scrapeMetrics } from "@/lib/platform/metrics/scrape";
import { loadEvalDashboard } from "@/lib/evals/dashboard/load-dashboard";
import { loadFeedbackDashboard, loadFeedbackFilterOptions, mergeFilterOptions, UNLABELLED_ENVIRONMENT } from "./load-feedback-dashboard";

let ws: Awaited<ReturnType<typeof buildFeedbackWorkspace>>;
let stranger: Awaited<ReturnType<typeof buildStrangerWorkspace>>;
beforeAll(async () => {
  ws = await buildFeedbackWorkspace();
  stranger = await buildStrangerWorkspace({ foreignPromptId: ws.alpha, at: ws.days.d1 });
});

describe("feedback dashboard", () => {
  it("labels versions with their prompt, and with the version alone when the prompt is fixed", async () => {
    const all = await loadFeedbackDashboard(ws.viewer, dashboardFiltersSchema.parse({}));
    expect(all.byVersion.map((v) => [v.label, v.count])).toEqual([
      ["alpha v1", 4],
      ["alpha v2", 5],
      ["beta v1", 1],
    ]);
    const alpha = await loadFeedbackDashboard(ws.viewer, dashboardFiltersSchema.parse({ prompt: ws.alpha }));
    expect(alpha.byVersion.map((v) => v.label)).toEqual(["v1", "v2"]);
    expect(alpha.distribution.map((d) => [d.label, d.thumbsUp, d.thumbsDown, d.scale3, d.scale4, d.scale5])).toEqual([
      ["v1", 1, 2, 0, 0, 0],
      ["v2", 1, 0, 1, 1, 1],
    ]);
    expect(alpha.pairwise).toMatchObject([{ label: "v1 vs v2", aWins: 1, bWins: 2, ties: 1, aRate: 0.25, bRate: 0.5, tieRate: 0.25 }]);
  });

  it("keys rubric criteria as separate series and names environments, an unreported one as Unlabelled", async () => {
    const data = await loadFeedbackDashboard(ws.viewer, dashboardFiltersSchema.parse({}));
    expect(data.rubric.criteria).toEqual([
      { key: "c0", name: "accuracy" },
      { key: "c1", name: "concise" },
    ]);
    expect(data.rubric.byVersion.map((p) => [p.label, p.values])).toEqual([
      ["alpha v1", { c0: 1, c1: 0 }],
      ["alpha v2", { c0: 0.5, c1: 1 }],
    ]);
    expect(data.rubric.byDay.rows).toHaveLength(2);
    expect(data.environments.map((e) => [e.name, e.feedbackRate, e.meanScore])).toEqual([
      ["Staging", 1, 0.8],
      ["Production", 0.6, 0.75],
      [UNLABELLED_ENVIRONMENT, 0.5, 0.2],
    ]);
    expect(data.agreement.rows.map((a) => [a.count, a.values])).toEqual([
      [2, { s0: 0.5 }],
      [2, { s0: 0 }],
    ]);
  });

  it("draws one line per prompt over time, never one line through several prompts' ratings", async () => {
    const data = await loadFeedbackDashboard(ws.viewer, dashboardFiltersSchema.parse({ range: "all" }));
    expect(data.byDay.series.map((s) => s.name)).toEqual(["alpha", "beta"]);
    const [alpha, beta] = data.byDay.series.map((s) => s.key);
    for (const row of data.byDay.rows) {
      // A day's bar counts every rating; each line holds only its own prompt's mean.
      expect(row.count).toBe(Object.values(row.counts).reduce((a, b) => a + b, 0));
    }
    expect(data.byDay.rows.some((row) => alpha! in row.values && !(beta! in row.values))).toBe(true);
    expect(data.byDay.rows.filter((row) => beta! in row.values)).toHaveLength(1);
    expect(data.rubric.byDay.series.map((s) => s.name)).toEqual(["accuracy", "concise"]);
  });

  it("shows a workspace only its own feedback", async () => {
    const data = await loadFeedbackDashboard(stranger.viewer, dashboardFiltersSchema.parse({}));
    expect(data.byVersion.map((v) => v.count)).toEqual([1, 1]);
    expect(data.environments.map((e) => [e.name, e.generations])).toEqual([["Production", 1]]);
    expect((await loadFeedbackFilterOptions(stranger.viewer)).prompts.map((p) => p.id)).toEqual([stranger.promptId]);
    const empty = await loadFeedbackDashboard(userPrincipal((await makeWorkspace(["viewer"])).members[0]!.ctx), dashboardFiltersSchema.parse({}));
    expect([empty.byVersion, empty.byDay.rows, empty.distribution, empty.pairwise, empty.environments, empty.agreement.rows, empty.rubric.criteria]).toEqual([[], [], [], [], [], [], []]);
  });

  it("adds feedback's prompts and models to the eval filter menus without duplicates", () => {
    const merged = mergeFilterOptions(
      { prompts: [{ id: "b", name: "beta" }], datasets: [], environments: [], models: ["m2"] },
      { prompts: [{ id: "a", name: "alpha" }, { id: "b", name: "beta" }], models: ["m1", "m2"] },
    );
    expect(merged).toEqual({ prompts: [{ id: "a", name: "alpha" }, { id: "b", name: "beta" }], datasets: [], environments: [], models: ["m1", "m2"] });
  });

  it("exports each section's load time in /api/metrics, by section and by source", async () => {
    const token = "test-metrics-token-0123456789";
    const count = async (section: string) => {
      const { body } = await scrapeMetrics(`Bearer ${token}`, token);
      const line = body.split("\n").find((l) => l.startsWith(`promptops_dashboard_section_seconds_count{section="${section}",source="rollups"} `));
      return line ? Number(line.split(" ").at(-1)) : 0;
    };
    const [feedbackBefore, evalBefore] = [await count("feedback"), await count("eval")];
    await loadFeedbackDashboard(stranger.viewer, dashboardFiltersSchema.parse({}));
    await loadEvalDashboard(stranger.viewer, dashboardFiltersSchema.parse({}));
    expect(await count("feedback")).toBe(feedbackBefore + 1);
    expect(await count("eval")).toBe(evalBefore + 1);
  });
});
