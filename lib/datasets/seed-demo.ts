import "server-only";
import type { Db } from "@/db";
import { datasetCases, datasets, type Role } from "@/db/schema";

// Demo dataset for marketing/tagline, so the Datasets page shows more than the eval seed's triage-smoke. The
// offline model echoes key terms of the prompt, so an icontains check on the product name passes and one on a
// word the prompt never says fails: a realistic mix for a first evaluation.

const TAGLINE_CASES = [
  { product: "PromptOps Studio", audience: "prompt engineers", tags: ["launch"], note: "Primary audience." },
  { product: "PromptOps Studio", audience: "engineering managers", tags: ["launch"], note: "" },
  { product: "Acme Notes", audience: "students", tags: ["consumer"], note: "Keep it playful." },
  { product: "Acme Notes", audience: "lawyers", tags: ["consumer", "formal"], note: "" },
  { product: "Ledgerly", audience: "small business owners", tags: ["b2b"], note: "Avoid jargon." },
];

export function seedDemoDatasets(db: Db, { workspaceId, byRole }: { workspaceId: string; byRole: Map<Role, string> }): void {
  db.transaction((tx) => {
    const dataset = tx
      .insert(datasets)
      .values({
        workspaceId,
        name: "tagline-smoke",
        description: "Products and audiences for marketing/tagline.",
        defaultScorers: [
          { key: "names-product", type: "icontains", label: "names the product", params: { value: "{{product}}" } },
          { key: "short", type: "length", label: "under 400 characters", params: { max: 400 } },
        ],
        createdById: byRole.get("editor") ?? null,
      })
      .returning()
      .get();
    tx.insert(datasetCases)
      .values(TAGLINE_CASES.map((c, i) => ({ datasetId: dataset.id, position: i + 1, variables: { product: c.product, audience: c.audience }, tags: c.tags, note: c.note })))
      .run();
  });
}
