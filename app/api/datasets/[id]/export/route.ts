import { z } from "zod";
import { casesToCsv, casesToJsonl } from "@/lib/datasets";
import { loadDatasetForExport } from "@/lib/datasets/server";
import { otherMethods, parseInput } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

const querySchema = z.object({ format: z.enum(["csv", "jsonl"]).default("csv") });

/** The dataset's cases as CSV or JSONL, for any member of the workspace. */
export const GET = sessionRoute({ permission: "prompts:read", params: z.object({ id: z.string() }) }, async ({ request, ctx, params }) => {
  const { format } = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const { dataset, cases } = await loadDatasetForExport(ctx, params.id);
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

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
