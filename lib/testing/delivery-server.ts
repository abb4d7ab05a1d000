// A real HTTP server for delivery API tests, wired like the custom server: the fast path answers every endpoint of
// the API on node:http; a path it has no endpoint for goes to the Web handler that Next's route calls.
// Every request is checked against the OpenAPI document before it is sent, and every response before a test sees it.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDeliveryFastPath } from "@/lib/api/fast-path";
import { handleDeliveryRequest } from "@/lib/api/handlers";
import { splitRawUrl } from "@/lib/api/routes";
import { createDeliveryState, type DeliveryState } from "@/lib/api/state";
import { assertRequestBreaksOpenApi, assertRequestMatchesOpenApi } from "./openapi-request-validator";
import { assertMatchesOpenApi } from "./openapi-validator";
import { closeConnectionsGently } from "@/lib/platform/http/lingering-close";

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface ApiCall {
  key?: string;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
  /**
   * The request is hostile input that the documented schemas refuse (an unknown field, a bad value, a repeated
   * parameter): the document must refuse it too, and the API must answer 4xx. Without it the request must match.
   */
  breaksContract?: true;
}

export interface TestDeliveryServer {
  state: DeliveryState;
  baseUrl: string;
  request(method: "GET" | "POST", path: string, call?: ApiCall): Promise<ApiResponse>;
  close(): Promise<void>;
}

async function toWebRequest(request: IncomingMessage, baseUrl: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(baseUrl + request.url, { method: request.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

async function writeWebResponse(target: ServerResponse, response: Response): Promise<void> {
  target.writeHead(response.status, [...response.headers].flat());
  target.end(Buffer.from(await response.arrayBuffer()));
}

export async function startDeliveryServer(state: DeliveryState = createDeliveryState()): Promise<TestDeliveryServer> {
  const fastPath = createDeliveryFastPath(state);
  let baseUrl = "";
  const server = http.createServer((request, response) => {
    if (fastPath(request, response)) return;
    toWebRequest(request, baseUrl)
      .then((webRequest) => handleDeliveryRequest(webRequest, state))
      .then((webResponse) => writeWebResponse(response, webResponse))
      .catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
  });
  closeConnectionsGently(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    state,
    baseUrl,
    async request(method, path, call = {}) {
      const headers: Record<string, string> = { ...call.headers };
      if (call.key) headers.authorization = `Bearer ${call.key}`;
      const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
      if (payload !== undefined) headers["content-type"] = "application/json";
      const sent = { method, rawUrl: path, rawBody: payload };
      if (call.breaksContract) assertRequestBreaksOpenApi(sent);
      else assertRequestMatchesOpenApi(sent);
      const response = await fetch(baseUrl + path, { method, headers, body: payload });
      const text = await response.text();
      const body: unknown = text === "" ? null : JSON.parse(text);
      assertMatchesOpenApi({ method, rawPath: splitRawUrl(path).rawPath, status: response.status, body });
      if (call.breaksContract && (response.status < 400 || response.status >= 500)) {
        throw new Error(`${method} ${path} breaks the documented contract, yet the API answered ${response.status}`);
      }
      return { status: response.status, headers: response.headers, body };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
