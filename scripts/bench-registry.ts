// `npm run bench:registry`: seeds 2,000 prompts × 10 versions into a scratch SQLite file and reports the
// median server time of the prompt list and search queries and of a diff of two 5,000-line versions, each
// next to a baseline measured in the same run. A benchmark reports numbers; it asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffLines } from "diff";
import { sql } from "drizzle-orm";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-registry-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");

const PROMPTS = 2_000;
const VERSIONS = 10;
const RUNS = 41;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) await fn(); // warm-up: statement cache, JIT
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main() {
  const { getDb, closeDb } = await import("@/db");
  const { prompts, promptVersions, workspaces, users } = await import("@/db/schema");
  const { listPrompts } = await import("@/lib/prompts/queries");
  const { diffVersions } = await import("@/lib/core/diff/diff-versions");
  const { syntheticTextPair } = await import("@/lib/core/diff/synthetic-text");

  const db = getDb();
  const seedStart = performance.now();
  const workspaceId = db.transaction((tx) => {
    const ws = tx.insert(workspaces).values({ name: "Bench", slug: "bench" }).returning().get();
    const author = tx.insert(users).values({ email: "bench@example.com", name: "Bench", passwordHash: "x" }).returning().get();
    const folders = ["support", "sales", "marketing", "legal", "ops/internal", "ops/external", "research"];
    for (let p = 0; p < PROMPTS; p++) {
      const prompt = tx
        .insert(prompts)
        .values({
          workspaceId: ws.id,
          name: `${folders[p % folders.length]}/prompt-${String(p).padStart(4, "0")}`,
          type: "text",
          description: `Benchmark prompt number ${p}`,
          tags: [`tag-${p % 13}`, p % 2 ? "odd" : "even"],
          updatedAt: new Date(Date.UTC(2026, 0, 1) + p * 60_000),
        })
        .returning({ id: prompts.id })
        .get();
      for (let v = 1; v <= VERSIONS; v++) {
        tx.insert(promptVersions)
          .values({
            promptId: prompt.id,
            version: v,
            type: "text",
            template: `You are assistant ${p}, revision ${v}. Answer {{question}} about {{topic}} politely.${p === 1234 && v === VERSIONS ? " needle-phrase" : ""}`,
            commitMessage: `v${v}`,
            authorId: author.id,
          })
          .run();
      }
    }
    return ws.id;
  });
  const seedMs = performance.now() - seedStart;

  const baseline = await time(() => db.all(sql`select id, name from prompts where workspace_id = ${workspaceId} order by updated_at desc limit 50`));
  const list = await time(() => listPrompts({ workspaceId }));
  const listDeep = await time(() => listPrompts({ workspaceId, page: 30 }));
  const searchName = await time(() => listPrompts({ workspaceId, search: "prompt-1234" }));
  const searchTemplate = await time(() => listPrompts({ workspaceId, search: "needle-phrase" }));
  const folder = await time(() => listPrompts({ workspaceId, folder: "ops" }));
  const tag = await time(() => listPrompts({ workspaceId, tag: "tag-7" }));

  const pair = syntheticTextPair({ lines: 5_000, changes: 300 });
  const before = { type: "text" as const, template: pair.before, messages: null, modelConfig: { temperature: 0.2 } };
  const after = { type: "text" as const, template: pair.after, messages: null, modelConfig: { temperature: 0.7 } };
  const diffBaseline = await time(() => diffLines(pair.before, pair.after));
  const diff = await time(() => diffVersions({ before, after }));
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });

  const row = (label: string, ms: number, base: number, target: number) =>
    console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / base).toFixed(1).padStart(6)}× baseline   target < ${target} ms`);
  console.log(`Seeded ${PROMPTS} prompts × ${VERSIONS} versions in ${(seedMs / 1000).toFixed(1)} s. Medians of ${RUNS} runs.\n`);
  console.log(`${"baseline: bare select of 50 prompt rows".padEnd(44)} ${baseline.toFixed(2).padStart(8)} ms`);
  row("list, first page (50 + total count)", list, baseline, 50);
  row("list, page 30", listDeep, baseline, 50);
  row("search by name", searchName, baseline, 50);
  row("search in latest template text", searchTemplate, baseline, 50);
  row("folder filter", folder, baseline, 50);
  row("tag filter", tag, baseline, 50);
  console.log(`\n${"baseline: jsdiff diffLines of the same texts".padEnd(44)} ${diffBaseline.toFixed(2).padStart(8)} ms`);
  row("diffVersions, 5,000 lines, 300 edits", diff, diffBaseline, 200);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
