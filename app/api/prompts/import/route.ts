import { requireAuth } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { parsePromptFiles } from "@/lib/portable/import-prompts";
import { readUploadedPromptFiles } from "@/lib/portable/uploads";
import { importPrompts } from "@/lib/prompts/import-prompts";

/** Multipart upload of .yaml files and/or .zip archives; validates everything, then imports all or nothing. */
export const POST = route(async (request) => {
  const ctx = await requireAuth("prompts:write");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request:import", "Send the files as multipart/form-data in a field named files.");
  }
  const files = await readUploadedPromptFiles(form.getAll("files"));
  const parsed = parsePromptFiles(files);
  if (!parsed.ok) {
    throw new AppError("bad_request:import", `Nothing was imported: ${parsed.errors.length} problem${parsed.errors.length > 1 ? "s" : ""} found.`, {
      details: { errors: parsed.errors },
    });
  }
  return Response.json(importPrompts(ctx, parsed.prompts));
});
