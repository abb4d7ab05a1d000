import { openApiDocument } from "./openapi";
import { prepareJsonResponse, type PreparedResponse } from "./serialize";

let cached: PreparedResponse | undefined;

/** GET /api/v1/openapi.json, serialised once per process. */
export function openApiResponse(): PreparedResponse {
  return (cached ??= prepareJsonResponse(openApiDocument()));
}
