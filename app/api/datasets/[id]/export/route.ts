import { z } from "zod";
import { getDb } from "@/db";
import { requireAuth } from "@/lib/auth/context";
import { casesToCsv, casesToJsonl } from "@/lib/datasets/export";
import { loadDataset } from "@/lib/datasets/manage-datasets";
import { listCases } from "@/lib/datasets/queries";
import { parseInput, route } from "@/lib/http/route";

const querySchema = z.object({ format: z.enum(["csv", "jsonl"]).default("csv") });

/** The dataset's cases as CSV or JSONL, for any member of the workspace. */
export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { format } = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const ctx = await requireAuth("prompts:read");
  const dataset = loadDataset(getDb(), ctx, id);
  const cases = listCases(getDb(), { datasetId: dataset.id });
  const body = format === "csv" ? casesToCsv(cases) : casesToJsonl(cases);
  const file = `${dataset.name.replace(/[^A-Za-z0-9._-]/g, "_")}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
});
