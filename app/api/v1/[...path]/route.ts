import { handleDeliveryRequest } from "@/lib/delivery/handlers";

// The public delivery API (lib/delivery). Under the custom server (server.ts), GET /api/v1/prompts/{name} is
// answered before Next and never reaches this handler; under `next dev` or `next start` it does, with the same code.
export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleDeliveryRequest(request);
export const POST = (request: Request) => handleDeliveryRequest(request);
