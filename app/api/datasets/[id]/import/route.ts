import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { importCases, importRequestSchema, previewImport } from "@/lib/datasets/server";
import { BODY_LIMITS } from "@/lib/core/limits";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/**
 * Imports cases from a CSV or JSONL file sent as text. Without `mapping` it answers a preview (columns, first rows,
 * a suggested mapping); with it, it imports every row or, if any row is bad, nothing (400 listing the lines).
 */
export const POST = sessionRoute(
  { permission: "datasets:write", params: z.object({ id: z.string() }), body: { json: importRequestSchema, maxBytes: BODY_LIMITS.fileAsJson } },
  async ({ ctx, params, body }) => {
    const principal = userPrincipal(ctx);
    if (!body.mapping) return json(await previewImport(principal, params.id, body));
    return json(await importCases(principal, params.id, body), { status: 201 });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
