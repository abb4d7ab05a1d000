import { json, otherMethods, parseInput } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { listRunHistory } from "@/lib/playground/server";
import { runHistoryQuerySchema } from "@/lib/playground";

/** A prompt's playground runs, newest first: `?promptId=…&model=…&status=…&page=…`. */
export const GET = sessionRoute({ permission: "prompts:read" }, async ({ request, ctx }) => {
  const query = parseInput(runHistoryQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listRunHistory(ctx, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
