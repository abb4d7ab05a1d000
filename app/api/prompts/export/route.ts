import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { otherMethods, parseInput } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { exportPromptFile, exportWorkspace, zipFiles } from "@/lib/prompts";
import { loadPortablePrompt, loadPortableWorkspace } from "@/lib/prompts/server";

const querySchema = z.object({
  name: z.string().min(1).max(200).optional(),
  scope: z.enum(["all", "latest"]).default("all"),
});

function attachment(body: BodyInit, filename: string, type: string) {
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"` },
  });
}

/** One prompt as a YAML file, or the whole workspace as a zip of prompts/<name>.yaml files. */
export const GET = sessionRoute({ permission: "prompts:read" }, async ({ request, ctx }) => {
  const query = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (query.name) {
    const prompt = await loadPortablePrompt({ workspaceId: ctx.workspaceId, name: query.name, scope: query.scope });
    if (!prompt) throw new AppError("not_found:prompt", `No prompt named "${query.name}" in this workspace.`);
    const file = exportPromptFile(prompt);
    return attachment(file.content, `${query.name.split("/").at(-1)}.yaml`, "application/yaml; charset=utf-8");
  }
  const files = exportWorkspace(await loadPortableWorkspace({ workspaceId: ctx.workspaceId, scope: query.scope }));
  return attachment(zipFiles(files) as BodyInit, `${ctx.workspace.slug}-prompts.zip`, "application/zip");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
