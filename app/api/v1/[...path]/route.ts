import { handleDeliveryRequest } from "@/lib/api/handlers";

// The public delivery API (lib/api). Under the custom server (server.ts), GET /api/v1/prompts/{name} is
// answered before Next and never reaches this handler; under `next dev` or `next start` it does, with the same code.
// Every method goes to the delivery router, which answers what it has no endpoint for with its own JSON 404.
export const dynamic = "force-dynamic";

const deliver = (request: Request) => handleDeliveryRequest(request);

export const GET = deliver;
export const POST = deliver;
export const PUT = deliver;
export const PATCH = deliver;
export const DELETE = deliver;
