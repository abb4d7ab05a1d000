import { userPrincipal } from "@/lib/platform/auth/principal";
import { commitPromptfooImport, previewPromptfooImport, promptfooImportSchema } from "@/lib/evals/server";
import { BODY_LIMITS } from "@/lib/core/limits";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/** Reads a promptfooconfig.yaml: a preview of what would be created (commit: false), or the import itself. */
export const POST = sessionRoute(
  { permission: "datasets:write", body: { json: promptfooImportSchema, maxBytes: BODY_LIMITS.fileAsJson } },
  async ({ ctx, body }) => {
    const principal = userPrincipal(ctx);
    return body.commit ? json(await commitPromptfooImport(principal, body), { status: 201 }) : json(previewPromptfooImport(principal, body));
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
