import { componentRef, componentSchemas, mergeComponents, pathParameters, queryParameters, type JsonSchema } from "./openapi-json-schema";
import { deliveryOperations, requestComponents, responseComponents, type DeliveryOperation, type ErrorStatus } from "./openapi-operations";

// The delivery API's contract, served at /api/v1/openapi.json. Generated from the zod schemas the handlers parse
// requests with and type their answers by (openapi-operations.ts names them per operation), so the document cannot
// drift from what the API reads and sends; the tests check every request they send and every answer they get
// against it. Client-safe: zod and plain data.

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: componentRef("Error") } } });

const errorResponses: Record<ErrorStatus, [name: string, response: JsonSchema]> = {
  400: [
    "BadRequest",
    errorResponse("Invalid input: a malformed query or body, both label and version, missing template variables, a partial that cannot be included."),
  ],
  401: ["Unauthorized", errorResponse("No API key, or an unknown or revoked one.")],
  403: ["Forbidden", errorResponse("The key's scope does not allow this (a read key writing).")],
  404: ["NotFound", errorResponse("No such prompt (or archived, or in another workspace), version, environment, or deployment.")],
  409: ["Conflict", errorResponse("A stale expectedParentVersion, a promotion that is already pending or already served, or an optimization that cannot be cancelled or saved (ended, unfinished, already saved).")],
  413: ["PayloadTooLarge", errorResponse("The request body is over the endpoint's size limit.")],
  422: ["GuardRefused", errorResponse("The prompt version's guard policy refuses the input; `error.details.rule` names the rule (max-input-length, word-list, denied-topic, pii).")],
  429: [
    "TooManyRequests",
    { ...errorResponse("The key is over its rate limit."), headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } },
  ],
  500: ["InternalError", errorResponse("Something failed on the server; the message is generic.")],
};

const etagHeader = { ETag: { description: "Content-based validator; send it back as If-None-Match.", schema: { type: "string" } } };
const notModified = { description: "The client's copy (its If-None-Match) is current." };
const json = (schema: JsonSchema) => ({ content: { "application/json": { schema } } });

function operationObject(operation: DeliveryOperation): JsonSchema {
  const { success } = operation;
  const parameters = [
    ...pathParameters(operation.pathParameters ?? {}),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.conditional ? [{ $ref: "#/components/parameters/IfNoneMatch" }] : []),
  ];
  const successBody = typeof success.body === "string" ? componentRef(success.body) : success.body;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(operation.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, ...json(componentRef(operation.body)) } } : {}),
    responses: {
      [success.status]: { description: success.description, ...(operation.conditional ? { headers: etagHeader } : {}), ...json(successBody) },
      ...(operation.conditional ? { 304: notModified } : {}),
      ...Object.fromEntries(operation.errors.map((status) => [status, { $ref: `#/components/responses/${errorResponses[status][0]}` }])),
    },
  };
}

function paths(): Record<string, Record<string, JsonSchema>> {
  const result: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of Object.values(deliveryOperations)) {
    result[operation.path] = { ...result[operation.path], [operation.method]: operationObject(operation) };
  }
  return result;
}

/**
 * The document, built on first use and kept: converting every schema is work only /openapi.json and the tests need,
 * so it is not done when a server process loads the delivery handlers.
 */
export function openApiDocument() {
  return (built ??= buildDocument());
}

let built: ReturnType<typeof buildDocument> | undefined;

function buildDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "PromptOps Studio delivery API",
      version: "1.0.0",
      description:
        "Fetch the prompt version an environment serves, render it, list prompts, and (with a read-write key) add versions, request promotions, start evaluations and optimizations, and report generations and end-user feedback. Approving a promotion is only possible for a signed-in lead in the studio. Unknown query parameters and body fields are refused with 400. Responses to GET carry an ETag; a matching If-None-Match gets 304. With STUDIO_API_RATE_LIMIT set, a key over its per-minute budget gets 429 with Retry-After.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys: `Authorization: Bearer pos_…`." },
      },
      parameters: {
        IfNoneMatch: { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } },
      },
      responses: Object.fromEntries(Object.values(errorResponses)),
      schemas: mergeComponents(componentSchemas(requestComponents, "input"), componentSchemas(responseComponents, "output")),
    },
  };
}
