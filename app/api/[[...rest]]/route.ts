import { AppError } from "@/lib/core/errors";
import { baseRoute } from "@/lib/platform/http/route";

// Any /api path no route claims answers JSON 404, never the studio's HTML not-found page; its body is never read.
const notFound = baseRoute(async (request) => {
  throw new AppError("not_found:api", `No endpoint ${request.method} ${new URL(request.url).pathname}.`);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
