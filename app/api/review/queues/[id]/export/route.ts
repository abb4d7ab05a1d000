import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { otherMethods, parseInput } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { exportQueueRatings } from "@/lib/review/server";
import { exportFormatSchema } from "@/lib/review";

/** A queue's ratings as CSV or JSONL, for those who manage the queue. */
export const GET = sessionRoute({ permission: "review:manage", params: z.object({ id: z.string() }) }, async ({ request, ctx, params }) => {
  const { format } = parseInput(exportFormatSchema, Object.fromEntries(new URL(request.url).searchParams));
  const file = await exportQueueRatings(userPrincipal(ctx), { queueId: params.id, format });
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.file}"`, "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
