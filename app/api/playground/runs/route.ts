import { requireAuth } from "@/lib/auth/context";
import { json, parseInput, route } from "@/lib/http/route";
import { listRunHistory } from "@/lib/playground/run-history";
import { runHistoryQuerySchema } from "@/lib/playground/schemas";

/** A prompt's playground runs, newest first: `?promptId=…&model=…&status=…&page=…`. */
export const GET = route(async (request) => {
  const query = parseInput(runHistoryQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const ctx = await requireAuth("prompts:read");
  return json(listRunHistory(ctx, query));
});
