import { otherMethods, route } from "@/lib/platform/http/route";
import { scrapeMetrics } from "@/lib/platform/metrics/scrape";

/** Prometheus text format; protected by METRICS_TOKEN (off when unset). */
export const GET = route(async (request) => {
  const { body, contentType } = await scrapeMetrics(request.headers.get("authorization"));
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
