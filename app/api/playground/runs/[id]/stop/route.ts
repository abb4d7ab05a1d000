import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { stopPlaygroundRun } from "@/lib/playground/server";

/**
 * Stops one of the caller's own playground runs while it streams, and answers once the run is stored as cancelled
 * (so the run history fetched next lists it). 404 when no such run of the caller is streaming in this process.
 */
export const POST = sessionRoute({ permission: "playground:run", params: z.object({ id: z.string().uuid() }) }, async ({ ctx, params }) => {
  const stopped = await stopPlaygroundRun({ workspaceId: ctx.workspaceId, userId: ctx.user.id }, params.id);
  if (!stopped) throw new AppError("not_found:workspace", "That run is not running.");
  return Response.json({ stopped: true });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
