import { otherMethods, route } from "@/lib/platform/http/route";
import { checkDatabaseHealth } from "@/lib/platform/ops/health";

export const dynamic = "force-dynamic";

/** `?deep=1` also tries a write (rolled back); without it the check only reads and asks for the lock. */
export const GET = route(async (request) => {
  const deep = new URL(request.url).searchParams.get("deep") === "1";
  const health = await checkDatabaseHealth({ deep });
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
