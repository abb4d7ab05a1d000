import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { commitPromptfooImport, previewPromptfooImport, promptfooImportSchema } from "@/lib/evals/promptfoo/import-config";
import { json, parseJsonBody, route } from "@/lib/http/route";

/** Reads a promptfooconfig.yaml: a preview of what would be created (commit: false), or the import itself. */
export const POST = route(async (request) => {
  const ctx = await requireAuth("datasets:write");
  const input = await parseJsonBody(request, promptfooImportSchema);
  const principal = userPrincipal(ctx);
  return input.commit ? json(commitPromptfooImport(principal, input), { status: 201 }) : json(previewPromptfooImport(principal, input));
});
