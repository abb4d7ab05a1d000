// A real HTTP server playing the studio's delivery API in tests, so the client is exercised through actual
// sockets (refused connections, stalls, headers) rather than a mocked fetch.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  /** Decoded path segments after /api/v1/prompts/, joined by "/" (the prompt name). */
  name: string;
  /** The raw path, as the client sent it. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface StubResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the stub answers; "hang" never answers (to test timeouts). */
export type StubHandler = (request: StubRequest) => StubResponse | "hang";

export interface StudioStub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStudioStub(handler: StubHandler): Promise<StudioStub> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    const prefix = "/api/v1/prompts/";
    const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : "";
    const request: StubRequest = {
      method: req.method ?? "GET",
      name: rest.split("/").map(decodeURIComponent).join("/"),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(request);
    const answer = handler(request);
    if (answer === "hang") return;
    const body = answer.body === undefined ? undefined : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...answer.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // drops the requests a "hang" handler left open
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: a stub started and closed again, so connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const stub = await startStudioStub(() => ({ status: 500 }));
  await stub.close();
  return stub.url;
}

export interface StubPrompt {
  body: Record<string, unknown>;
  etag: string;
}

/**
 * A handler serving prompts by name the way the contract says: bearer auth, ETag and If-None-Match, and the
 * `{ error: { code, message } }` shape for a wrong key or an unknown prompt.
 */
export function servePrompts({ apiKey, prompts }: { apiKey: string; prompts: Map<string, StubPrompt> }): StubHandler {
  return (request) => {
    if (request.headers.authorization !== `Bearer ${apiKey}`) return errorResponse(401, "unauthorized:api", "Invalid API key.");
    const prompt = prompts.get(request.name);
    if (!prompt) return errorResponse(404, "not_found:prompt", `Prompt "${request.name}" not found.`);
    if (request.headers["if-none-match"] === prompt.etag) return { status: 304, headers: { etag: prompt.etag } };
    return { status: 200, body: prompt.body, headers: { etag: prompt.etag } };
  };
}

export function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): StubResponse {
  return { status, body: { error: { code, message } }, headers };
}

export function textPromptBody(name: string, { version = 1, template = "Hello {{name}}", partials = {} }: { version?: number; template?: string; partials?: Record<string, string> } = {}) {
  return {
    name,
    version,
    type: "text",
    template,
    messages: null,
    modelConfig: { model: "demo", temperature: 0.2 },
    variables: ["name"],
    partials,
    environments: ["production"],
    label: "production",
    updatedAt: "2025-01-01T00:00:00.000Z",
  };
}
