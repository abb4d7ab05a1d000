import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { importCases, importRequestSchema, previewImport } from "@/lib/datasets/import/import-cases";
import { DATASET_LIMITS } from "@/lib/datasets/schemas";
import { AppError } from "@/lib/errors";
import { json, parseJsonBody, route } from "@/lib/http/route";

/**
 * Imports cases from a CSV or JSONL file sent as text. Without `mapping` it answers a preview (columns, first rows,
 * a suggested mapping); with it, it imports every row or, if any row is bad, nothing (400 listing the lines).
 */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const ctx = await requireAuth("datasets:write");
  const declared = Number(request.headers.get("content-length") ?? 0);
  // JSON escaping can grow a file's text; allow for it before the exact check on the text itself.
  if (declared > DATASET_LIMITS.maxImportBytes * 2) throw new AppError("too_large:dataset", "The file is larger than 5 MB. Split it and import the parts.");
  const input = await parseJsonBody(request, importRequestSchema);
  const principal = userPrincipal(ctx);
  if (!input.mapping) return json(previewImport(principal, id, input));
  return json(importCases(principal, id, input), { status: 201 });
});
