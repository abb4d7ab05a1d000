import { BODY_LIMITS } from "@/lib/core/limits";
import { otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";
import { prepareRun, streamRunResponse } from "@/lib/playground/server";
import { runColumnSchema } from "@/lib/playground";

/**
 * Runs one playground column and streams it as NDJSON (lib/playground/run-events.ts). One request per column, so
 * columns fail independently and Stop aborts each fetch, which aborts its provider call.
 */
export const POST = sessionRoute(
  { permission: "playground:run", body: { json: runColumnSchema, maxBytes: BODY_LIMITS.promptContent } },
  async ({ request, ctx, body }) => {
    const prepared = await prepareRun(ctx, body);
    return streamRunResponse({ prepared, requestSignal: request.signal });
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
