// Checks an API response against lib/api/openapi.ts: the operation must document the status, and a JSON body
// must match that status's schema (JSON Schema 2020-12, as OpenAPI 3.1 uses). Requests: openapi-request-validator.ts.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { openApiDocument } from "@/lib/api/openapi";
import { deliveryOperations, operationKeyOf, type DeliveryOperation } from "@/lib/api/openapi-operations";
import { matchDeliveryRoute, type DeliveryRoute } from "@/lib/api/routes";

const DOC_ID = "https://promptops.invalid/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("date-time", (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));
ajv.addSchema(openApiDocument(), DOC_ID);

interface Reference {
  $ref?: string;
}
export interface DocumentedParameter extends Reference {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: { type?: string | string[] };
}
interface DocumentedOperation {
  parameters?: DocumentedParameter[];
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<string, Reference & { content?: Record<string, unknown> }>;
}
type Doc = {
  paths: Record<string, Record<string, DocumentedOperation>>;
  components: { parameters: Record<string, DocumentedParameter> };
};
const doc = openApiDocument() as unknown as Doc;
const validators = new Map<string, ValidateFunction>();

/** A JSON pointer into the document, as a URI fragment (the path templates hold "{" and "}"). */
export function documentPointer(...parts: (string | number)[]): string {
  return parts.map((part) => "/" + encodeURIComponent(String(part).replace(/~/g, "~0").replace(/\//g, "~1"))).join("");
}

/** Validates against the schema at a pointer into the document; undefined when it matches, else ajv's explanation. */
export function mismatch(pointer: string, value: unknown): string | undefined {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
}

export interface Endpoint {
  route: DeliveryRoute;
  operation: DeliveryOperation;
  documented: DocumentedOperation;
}

/** The documented operation a request is, from the same router the API uses. */
export function endpointOf(method: string, rawPath: string): Endpoint {
  const route = matchDeliveryRoute(method, rawPath);
  const key = operationKeyOf(route);
  if (!key) throw new Error(`${method} ${rawPath} is not an endpoint of the OpenAPI document`);
  const operation = deliveryOperations[key];
  const documented = doc.paths[operation.path]?.[operation.method];
  if (!documented) throw new Error(`The OpenAPI document has no ${operation.method.toUpperCase()} ${operation.path}`);
  return { route, operation, documented };
}

/** A parameter as documented, its $ref (If-None-Match) followed. */
export function resolveParameter(parameter: DocumentedParameter): DocumentedParameter {
  if (!parameter.$ref) return parameter;
  const resolved = doc.components.parameters[parameter.$ref.replace("#/components/parameters/", "")];
  if (!resolved) throw new Error(`The OpenAPI document has no parameter ${parameter.$ref}`);
  return resolved;
}

/** Throws with ajv's explanation when the response does not match the document. */
export function assertMatchesOpenApi({ method, rawPath, status, body }: { method: string; rawPath: string; status: number; body: unknown }): void {
  const { operation, documented } = endpointOf(method, rawPath);
  const { path } = operation;
  const response = documented.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
  const pointer = response.$ref
    ? `${response.$ref.slice(1)}/content/application~1json/schema`
    : documentPointer("paths", path, operation.method, "responses", status, "content", "application/json", "schema");
  const hasBody = response.$ref !== undefined || response.content !== undefined;
  if (!hasBody) {
    if (body !== null) throw new Error(`${method} ${path} ${status} documents no body, but one was sent`);
    return;
  }
  const problem = mismatch(pointer, body);
  if (problem) throw new Error(`${method} ${path} ${status} does not match the OpenAPI document: ${problem}\n${JSON.stringify(body)}`);
}
