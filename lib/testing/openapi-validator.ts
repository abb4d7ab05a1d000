// Checks an API response against lib/delivery/openapi.ts: the operation must document the status, and a JSON body
// must match that status's schema (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { openApiDocument } from "@/lib/delivery/openapi";
import { matchDeliveryRoute } from "@/lib/delivery/routes";

const DOC_ID = "https://promptops.invalid/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
ajv.addSchema(openApiDocument, DOC_ID);

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>> };
const doc = openApiDocument as unknown as Doc;
const validators = new Map<string, ValidateFunction>();

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/** The documented path template of a request, e.g. "/prompts/{name}/render". */
export function operationPath(method: string, rawPath: string): string {
  const route = matchDeliveryRoute(method, rawPath);
  switch (route.kind) {
    case "openapi":
      return "/openapi.json";
    case "list":
      return "/prompts";
    case "prompt":
      return "/prompts/{name}";
    case "action":
      return `/prompts/{name}/${route.action}`;
    case "eval-runs":
      return "/evals/runs";
    case "eval-run":
      return "/evals/runs/{id}";
    case "eval-run-results":
      return "/evals/runs/{id}/results";
    case "generations":
      return "/generations";
    case "feedback":
      return "/feedback";
    case "none":
      throw new Error(`${method} ${rawPath} is not an endpoint of the OpenAPI document`);
  }
}

/** Throws with ajv's explanation when the response does not match the document. */
export function assertMatchesOpenApi({ method, rawPath, status, body }: { method: string; rawPath: string; status: number; body: unknown }): void {
  const path = operationPath(method, rawPath);
  const operation = doc.paths[path]?.[method.toLowerCase()];
  const response = operation?.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
  const pointer = response.$ref
    ? `${response.$ref.slice(1)}/content/application~1json/schema`
    : `/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const hasBody = response.$ref !== undefined || response.content !== undefined;
  if (!hasBody) {
    if (body !== null) throw new Error(`${method} ${path} ${status} documents no body, but one was sent`);
    return;
  }
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  if (!validate(body)) {
    throw new Error(`${method} ${path} ${status} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
}
