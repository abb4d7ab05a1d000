import { otherMethods, route } from "@/lib/http/route";
import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const health = checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
