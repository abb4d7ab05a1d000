// A new user's first judged evaluation: the demo workspace exactly as `lib/demo/seed-demo-workspace.ts` creates it, the LLM-judge scorer
// exactly as the New evaluation form starts it (judges/rubric, its starter rubric, the judge's own model: the offline
// demo model), run by the real runner. The offline judge must judge: some replies pass and some fail, each with a
// reason, and the run summary gives the judge's own pass rate beside the headline.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { prompts, users } from "@/db/schema";
import { seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { draftsToConfigs, newDraft } from "./scorer-drafts";
import { createEvalRun } from "./manage-runs";
import { findRunDatasetByName } from "./queries";
import { findEvalRunResult, getEvalRunSummary, listEvalRunResults } from "./read-runs";
import { executeEvalRun } from "./runner";

let editor: UserPrincipal;

beforeAll(async () => {
  const db = getDb();
  expect(await seedDemoWorkspace(db)).toEqual({ seeded: true });
  const user = (await first(db.select().from(users).where(eq(users.email, "editor@example.com"))))!;
  const workspaceId = (await first(db.select().from(prompts).where(eq(prompts.name, "support/triage"))))!.workspaceId;
  editor = { kind: "user", workspaceId, user: { id: user.id, email: user.email, name: user.name }, role: "editor" };
}, 120_000);

const defaultJudge = () => {
  const built = draftsToConfigs([newDraft("llm-rubric")]);
  if ("error" in built) throw new Error(built.error);
  return built.configs;
};

async function judgeDemo(promptName: string, datasetName: string) {
  const db = getDb();
  const prompt = (await first(db.select().from(prompts).where(and(eq(prompts.workspaceId, editor.workspaceId), eq(prompts.name, promptName)))))!;
  const dataset = (await findRunDatasetByName(db, { workspaceId: editor.workspaceId, name: datasetName }))!;
  const { id } = await createEvalRun(editor, { datasetId: dataset.id, promptId: prompt.id, targets: [{ label: "production" }], scorers: defaultJudge() });
  expect(await executeEvalRun({ runId: id, workerId: "test", db })).toBe("completed");
  const results = (await listEvalRunResults(db, { runId: id, pageSize: 200 })).rows;
  const verdicts = await Promise.all(results.map(async (r) => (await findEvalRunResult(db, { runId: id, resultId: r.id }))!));
  return { id, summary: await getEvalRunSummary(db, { runId: id }), verdicts };
}

describe("the default LLM judge on the demo, offline", () => {
  it("triage-smoke: passes the replies that restate the ticket's expected triage, fails the others, with reasons", async () => {
    const { summary, verdicts } = await judgeDemo("support/triage", "triage-smoke");
    // Each case also carries its own `icontains` assertion ("mentions"): the headline needs both to pass, and each
    // scorer keeps its own rate. The judge passes 5 of 6; the headline 4 of 6 (Eli's case expects "billing").
    expect(summary).toMatchObject({ done: 6, passed: 4, failed: 2, errors: 0, unscored: 0 });
    expect(summary.passRate).toBeCloseTo(4 / 6, 9);
    expect(summary.scorers.map((s) => [s.scorerKey, s.count, s.passed])).toEqual([
      ["llm-rubric-1", 6, 5],
      ["mentions", 6, 4],
    ]);
    // Case by case, from what was stored: the judge's verdict and the reason it gives.
    const judged = (v: (typeof verdicts)[number]) => v.scores.find((s) => s.scorerKey === "llm-rubric-1")!;
    const byCase = verdicts.map((v) => [v.runCase.variables.customer_name, judged(v).passed]);
    expect(byCase).toEqual([
      ["Ana", true],
      ["Ben", true],
      ["Chen", true],
      ["Dara", false],
      ["Eli", true],
      ["Fay", true],
    ]);
    const dara = verdicts.find((v) => v.runCase.variables.customer_name === "Dara")!;
    expect(dara.result.status).toBe("failed");
    expect(judged(dara).reason).toMatch(/^Offline judge \(word overlap, not a language model\): key terms of the expected output: 2 of 5 \(dara, cancelled\), missing billing, refund, renewal\. Fails/);
    expect(judged(dara).reason).toContain("(judge: judges/rubric v1 on offline:demo)");
  });

  it("tagline-smoke: a mix too, never all or nothing by construction", async () => {
    const { summary, verdicts } = await judgeDemo("marketing/tagline", "tagline-smoke");
    expect(summary).toMatchObject({ done: 5, errors: 0 });
    expect(verdicts.map((v) => [v.runCase.variables.product, v.runCase.variables.audience, v.scores[0]!.passed])).toEqual([
      ["PromptOps Studio", "prompt engineers", true],
      ["PromptOps Studio", "engineering managers", true],
      ["Acme Notes", "students", false],
      ["Acme Notes", "lawyers", false],
      ["Ledgerly", "small business owners", true],
    ]);
    expect(summary.passRate).toBe(0.6);
  });
});
