import "server-only";
import { transaction } from "@/db/transaction";
import type { DemoMembers } from "@/lib/platform/auth/principal";
import { appendCases, insertAuditedDataset } from "./manage-datasets";

// Demo dataset for marketing/tagline, so the Datasets page shows more than the eval seed's triage-smoke. The
// offline model echoes key terms of the prompt, so an icontains check on the product name passes and one on a
// word the prompt never says fails: a realistic mix for a first evaluation.

// Each case has the kind of tagline the team hopes for as its expected output, for an LLM judge (or the offline
// judge's word overlap) to compare replies with.
export const TAGLINE_CASES = [
  { product: "PromptOps Studio", audience: "prompt engineers", tags: ["launch"], note: "Primary audience.", expectedOutput: "PromptOps Studio: ship prompts engineers can trust." },
  { product: "PromptOps Studio", audience: "engineering managers", tags: ["launch"], note: "", expectedOutput: "PromptOps Studio shows managers every prompt change, reviewed." },
  { product: "Acme Notes", audience: "students", tags: ["consumer"], note: "Keep it playful.", expectedOutput: "Acme Notes: every lecture sorted before the exam." },
  { product: "Acme Notes", audience: "lawyers", tags: ["consumer", "formal"], note: "", expectedOutput: "Acme Notes: every clause, citation and deadline in one place." },
  { product: "Ledgerly", audience: "small business owners", tags: ["b2b"], note: "Avoid jargon.", expectedOutput: "Ledgerly keeps the books so small business owners can run the business." },
];

export async function seedDemoDatasets({ members }: DemoMembers): Promise<void> {
  const editor = members.get("editor")!;
  await transaction(async (tx) => {
    const dataset = await insertAuditedDataset(tx, editor, {
      name: "tagline-smoke",
      description: "Products and audiences for marketing/tagline.",
      defaultScorers: [
        { key: "names-product", type: "icontains", label: "names the product", params: { value: "{{product}}" } },
        { key: "short", type: "length", label: "under 400 characters", params: { max: 400 } },
      ],
    });
    await appendCases(
      tx,
      dataset,
      TAGLINE_CASES.map((c) => ({ variables: { product: c.product, audience: c.audience }, expectedOutput: c.expectedOutput, tags: c.tags, note: c.note })),
    );
  });
}
