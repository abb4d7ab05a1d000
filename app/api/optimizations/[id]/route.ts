import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { describeOptimization } from "@/lib/optimizer/server";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/** An optimization with its leaderboard; its page polls it while the run is queued or running. */
export const GET = sessionRoute({ permission: "prompts:read", params: z.object({ id: z.string().uuid() }) }, async ({ ctx, params }) =>
  json(await describeOptimization(userPrincipal(ctx), { runId: params.id }), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
