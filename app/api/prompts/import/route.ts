import { AppError } from "@/lib/core/errors";
import { BODY_LIMITS } from "@/lib/core/limits";
import { otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { parsePromptFiles, readUploadedPromptFiles } from "@/lib/prompts";
import { importPrompts } from "@/lib/prompts/server";

/** Multipart upload of .yaml files and/or .zip archives; validates everything, then imports all or nothing. */
export const POST = sessionRoute({ permission: "prompts:write", body: { multipart: true, maxBytes: BODY_LIMITS.upload } }, async ({ ctx, body }) => {
  const files = await readUploadedPromptFiles(body.getAll("files"));
  const parsed = parsePromptFiles(files);
  if (!parsed.ok) {
    throw new AppError("bad_request:import", `Nothing was imported: ${parsed.errors.length} problem${parsed.errors.length > 1 ? "s" : ""} found.`, {
      details: { errors: parsed.errors },
    });
  }
  return Response.json(await importPrompts(ctx, parsed.prompts));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
