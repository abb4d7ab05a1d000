import { requireAuth } from "@/lib/auth/context";
import { parseJsonBody, route } from "@/lib/http/route";
import { prepareRun } from "@/lib/playground/prepare-run";
import { streamRunResponse } from "@/lib/playground/run-stream";
import { runColumnSchema } from "@/lib/playground/schemas";

/**
 * Runs one playground column and streams it as NDJSON (lib/playground/run-events.ts). One request per column, so
 * columns fail independently and Stop aborts each fetch, which aborts its provider call.
 */
export const POST = route(async (request) => {
  const input = await parseJsonBody(request, runColumnSchema);
  const ctx = await requireAuth("playground:run");
  const prepared = await prepareRun(ctx, input);
  return streamRunResponse({ prepared, requestSignal: request.signal });
});
