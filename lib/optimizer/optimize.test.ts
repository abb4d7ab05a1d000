// The loop on the simulated ticket-triage task (lib/platform/models/simulated-task), with the offline proposer, no
// database: what the optimizer claims must hold on a task whose truth is known.
import { describe, expect, it } from "vitest";
import { OFFLINE_PROPOSER_MARKER, offlineProposerReply } from "@/lib/platform/models/offline-proposer";
import { simulatedAnswer } from "@/lib/platform/models/simulated-task/answer";
import { demoTickets } from "@/lib/platform/models/simulated-task/task";
import type { Budget } from "./budget";
import { optimize, type OptimizeInput } from "./optimize";
import type { Candidate, OptimizerCase, ProposeRequest } from "./types";

const cases: OptimizerCase[] = demoTickets(120, 5).map((t) => ({ id: t.id, variables: { ticket: t.ticket }, expected: t.label, stratum: t.label }));
const baseline = { template: "Classify this ticket:\n{{ticket}}", messages: null };
const budget: Budget = { candidates: 30, modelCalls: 5_000, costUsd: 10, wallMinutes: 10 };

function harness({ nullTask = false } = {}) {
  const evaluated = new Map<string, number>();
  const shown: string[] = [];
  const evaluate = async (candidate: Candidate, batch: readonly OptimizerCase[]) =>
    batch.map((c) => {
      const key = `${candidate.id}:${c.id}`;
      evaluated.set(key, (evaluated.get(key) ?? 0) + 1);
      const output = simulatedAnswer(candidate.content.template!.replaceAll("{{ticket}}", c.variables.ticket!), { nullTask });
      const passed = output === c.expected;
      return { caseId: c.id, score: passed ? 1 : 0, passed, output, calls: 1, costUsd: 0.0001 };
    });
  const propose = async ({ best, tried, failures, count }: ProposeRequest) => {
    const text = [
      OFFLINE_PROPOSER_MARKER,
      ...best.map((b) => `<prompt>${b.content.template}</prompt>`),
      ...tried.map((t) => `<tried>${t.content.template}</tried>`),
      ...failures.map((f) => `<failure><input>${f.variables.ticket}</input><expected>${f.expected}</expected><output>${f.output}</output></failure>`),
      `<count>${count}</count>`,
    ].join("\n");
    shown.push(text);
    return [...offlineProposerReply(text)!.matchAll(/<candidate>([\s\S]*?)<\/candidate>/g)].map((m) => m[1]!);
  };
  const run = (overrides: Partial<OptimizeInput> = {}) =>
    optimize({ baseline, cases, datasetVariables: ["ticket"], strategy: "both", budget, seed: 1, evaluate, propose, ...overrides });
  return { run, evaluated, shown };
}

describe("the optimizer on the simulated task", () => {
  it("improves held-out accuracy significantly from a weak baseline, with 'both'", async () => {
    const { run } = harness();
    const result = await run();
    expect(result.best.id).not.toBe(result.baseline.id);
    expect(result.heldOut.best - result.heldOut.baseline).toBeGreaterThanOrEqual(0.15);
    expect(result.heldOut.test).toBe("McNemar");
    expect(result.heldOut.mcnemar!.pValue).toBeLessThan(0.05);
    expect(result.heldOut.verdict).toBe("better");
    // The chart's series: the best validation score never goes down from round to round.
    const series = result.bestByRound.map((point) => point.validation);
    expect(series).toEqual([...series].sort((a, b) => a - b));
  });

  it("reports progress after every candidate, not only every round, with what was spent so far", async () => {
    const progress: { round: number; calls: number }[] = [];
    const result = await harness().run({ rounds: 2, onProgress: (p) => void progress.push({ round: p.round, calls: p.spent.modelCalls }) });
    const searched = result.leaderboard.filter((row) => row.candidate.round > 0).length;
    expect(searched).toBeGreaterThan(2);
    // One report per candidate searched, plus one at the end of each round.
    expect(progress).toHaveLength(searched + 2);
    expect(progress.map((p) => p.calls)).toEqual([...progress.map((p) => p.calls)].sort((a, b) => a - b));
    expect(new Set(progress.map((p) => p.calls)).size).toBeGreaterThan(2);
    expect(progress.at(-1)!.round).toBe(2);
  });

  it("reports no significant difference on the null task, on every seed", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = await harness({ nullTask: true }).run({ seed });
      expect(result.heldOut.verdict, `seed ${seed}`).toBe("no significant difference");
    }
  });

  it("never shows a held-out case to the proposer or uses one as a demonstration", async () => {
    const { run, shown } = harness();
    const result = await run();
    const heldOutTexts = cases.filter((c) => result.split.heldOut.includes(c.id)).map((c) => c.variables.ticket!);
    expect(heldOutTexts.length).toBeGreaterThan(0);
    for (const text of [...shown, ...result.leaderboard.map((row) => row.candidate.content.template!)]) {
      for (const ticket of heldOutTexts) expect(text.includes(ticket)).toBe(false);
    }
  });

  it("scores each candidate on each case once, and stops at the budget with the final check paid for", async () => {
    const { run, evaluated } = harness();
    await run();
    expect([...evaluated.values()].every((times) => times === 1)).toBe(true);
    const tight = await harness().run({ budget: { ...budget, modelCalls: 300 } });
    expect(tight.stoppedBy).toBe("modelCalls");
    expect(tight.spent.modelCalls).toBeLessThanOrEqual(300);
    expect(tight.heldOut.cases).toBe(tight.split.heldOut.length);
    const few = await harness().run({ budget: { ...budget, candidates: 2 } });
    expect(few.stoppedBy).toBe("candidates");
    expect(few.leaderboard).toHaveLength(3);
  });

  it("records its split and gives the same result for the same seed", async () => {
    const first = await harness().run({ strategy: "instruction" });
    const again = await harness().run({ strategy: "instruction" });
    expect(again.split).toEqual(first.split);
    expect(again.leaderboard.map((row) => [row.candidate.id, row.validation])).toEqual(first.leaderboard.map((row) => [row.candidate.id, row.validation]));
    expect(first.split.train.length + first.split.validation.length + first.split.heldOut.length).toBe(cases.length);
  });
});
