// The one-writer rule on real source text: writes of a feature's tables pass only inside its manage-*.ts modules.
import { RuleTester } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, it } from "vitest";
import oneWriter from "./one-writer.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" } });
const options = [{ owners: { "lib/prompts": ["prompts", "promptVersions"], "lib/evals": ["evalRuns", "evalResults"] } }];
const header = 'import { sql } from "drizzle-orm";\nimport { evalResults, prompts, promptVersions, users } from "@/db/schema";\n';

tester.run("studio/one-writer", oneWriter, {
  valid: [
    { filename: "/repo/lib/prompts/manage-prompts.ts", options, code: header + "await tx.insert(prompts).values(v); await tx.update(promptVersions).set(v);" },
    { filename: "/repo/lib/evals/runs/manage-progress.ts", options, code: header + 'db.prepare("INSERT INTO eval_results (id) VALUES (?)");' },
    // Reads are anyone's, and a table of no listed feature is not this rule's business.
    { filename: "/repo/lib/api/read.ts", options, code: header + 'tx.select().from(prompts); tx.insert(users).values(v); db.prepare("SELECT * FROM eval_runs");' },
    // A local Map's delete is not a table write, and neither is a sentence that happens to say "update".
    { filename: "/repo/lib/api/cache.ts", options, code: "const prompts = new Map(); cache.delete(prompts);" },
    { filename: "/repo/lib/api/errors.ts", options, code: 'const message = "Could not update prompts: try again.";' },
  ],
  invalid: [
    { filename: "/repo/lib/prompts/import-prompts.ts", options, code: header + "await tx.insert(prompts).values(v);", errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/evals/promptfoo/import-config.ts", options, code: header + "await only(tx.insert(promptVersions).values(v).returning());", errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/demo/seed.ts", options, code: header + "await tx.delete(prompts).where(w);", errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/evals/runs/queries.ts", options, code: header + 'db.prepare("UPDATE eval_runs SET status = ?");', errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/evals/runs/queries.ts", options, code: header + 'db.prepare("INSERT OR IGNORE INTO eval_results (id) VALUES (?)");', errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/evals/runs/runner.ts", options, code: header + "await rawRun(db, sql`update ${evalResults} set score = 1`);", errors: [{ messageId: "notOwner" }] },
    { filename: "/repo/lib/review/x.ts", options, code: "const q = `DELETE FROM prompt_versions WHERE id = ?`;", errors: [{ messageId: "notOwner" }] },
  ],
});
