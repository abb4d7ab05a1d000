import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { parseInput, route } from "@/lib/http/route";
import { exportQueueRatings } from "@/lib/review/export-ratings";
import { exportFormatSchema } from "@/lib/review/schemas";

/** A queue's ratings as CSV or JSONL, for those who manage the queue. */
export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { format } = parseInput(exportFormatSchema, Object.fromEntries(new URL(request.url).searchParams));
  const ctx = await requireAuth("review:manage");
  const file = exportQueueRatings(userPrincipal(ctx), { queueId: id, format });
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.file}"`, "cache-control": "no-store" },
  });
});
