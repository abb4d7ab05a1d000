// Checks a request a test sends against lib/api/openapi.ts: its path parameters, its query (every parameter
// documented, none given twice, each matching its schema, as the API refuses unknown and repeated ones) and its
// JSON body. The document is generated from the schemas the handlers parse with, so a test's valid request that the
// document refuses, or a hostile one that it accepts, shows where the contract and the tests disagree.
import { decodePromptName, splitRawUrl } from "@/lib/api/routes";
import { documentPointer, endpointOf, mismatch, resolveParameter, type Endpoint } from "./openapi-validator";

export interface SentRequest {
  method: string;
  /** Path and query as sent, still percent-encoded. */
  rawUrl: string;
  /** The body as sent; undefined for none. */
  rawBody?: string;
}

function pathValues({ route }: Endpoint): Record<string, string> {
  switch (route.kind) {
    case "prompt":
    case "action":
      return { name: decodePromptName(route.rawName) };
    case "eval-run":
    case "eval-run-results":
    case "optimization":
    case "optimization-cancel":
    case "optimization-save":
      return { id: route.runId };
    default:
      return {};
  }
}

/** OpenAPI sends every query value as text: a number parameter's value is read as the number it spells. */
function queryValue(value: string, type: string | string[] | undefined): unknown {
  const numeric = type === "integer" || type === "number";
  return numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function parameterProblems(endpoint: Endpoint, rawQuery: string): string[] {
  const { operation, documented } = endpoint;
  const problems: string[] = [];
  const parameters = (documented.parameters ?? []).map((parameter, index) => ({ index, parameter: resolveParameter(parameter) }));
  const pointer = (index: number) => documentPointer("paths", operation.path, operation.method, "parameters", index, "schema");
  let values: Record<string, string>;
  try {
    values = pathValues(endpoint);
  } catch (error) {
    return [(error as Error).message];
  }
  for (const { index, parameter } of parameters.filter(({ parameter }) => parameter.in === "path")) {
    const problem = mismatch(pointer(index), values[parameter.name]);
    if (problem) problems.push(`path parameter ${parameter.name}: ${problem}`);
  }
  const query = parameters.filter(({ parameter }) => parameter.in === "query");
  const given = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(rawQuery)) given.set(name, [...(given.get(name) ?? []), value]);
  for (const [name, list] of given) {
    const documentedParameter = query.find(({ parameter }) => parameter.name === name);
    if (!documentedParameter) {
      problems.push(`query parameter ${name} is not documented`);
      continue;
    }
    if (list.length > 1) problems.push(`query parameter ${name} is given ${list.length} times`);
    const problem = mismatch(pointer(documentedParameter.index), queryValue(list[0]!, documentedParameter.parameter.schema.type));
    if (problem) problems.push(`query parameter ${name}: ${problem}`);
  }
  for (const { parameter } of query) if (parameter.required && !given.has(parameter.name)) problems.push(`query parameter ${parameter.name} is required`);
  return problems;
}

function bodyProblems({ operation, documented }: Endpoint, rawBody: string | undefined): string[] {
  if (!documented.requestBody) return rawBody === undefined ? [] : ["the operation documents no request body, but one was sent"];
  if (rawBody === undefined) return documented.requestBody.required ? ["the request body is required"] : [];
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return ["the request body is not JSON"];
  }
  const problem = mismatch(documentPointer("paths", operation.path, operation.method, "requestBody", "content", "application/json", "schema"), body);
  return problem ? [`request body: ${problem}`] : [];
}

/** What in a request the document does not allow; empty when it matches. */
export function requestProblems({ method, rawUrl, rawBody }: SentRequest): string[] {
  const { rawPath, rawQuery } = splitRawUrl(rawUrl);
  const endpoint = endpointOf(method, rawPath);
  return [...parameterProblems(endpoint, rawQuery), ...bodyProblems(endpoint, rawBody)];
}

export function assertRequestMatchesOpenApi(request: SentRequest): void {
  const problems = requestProblems(request);
  if (problems.length > 0) throw new Error(`${request.method} ${request.rawUrl} does not match the OpenAPI document: ${problems.join("; ")}`);
}

/** For a test of hostile input: the document itself must refuse what the test expects the API to refuse. */
export function assertRequestBreaksOpenApi(request: SentRequest): void {
  if (requestProblems(request).length === 0) {
    throw new Error(`${request.method} ${request.rawUrl} is sent as breaking the contract, but the OpenAPI document allows it: ${request.rawBody ?? ""}`);
  }
}
