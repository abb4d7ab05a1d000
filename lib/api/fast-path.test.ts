// The delivery API's bodies on node:http (the custom server's fast path): the key is checked before a byte of the
// body is read, a body past its endpoint's limit is refused while it streams, declared or chunked, and the server
// keeps answering. Real sockets, so what is measured is what was sent before the answer came.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { generations } from "@/db/schema";
import { routePattern } from "@/lib/platform/metrics/registry";
import { createDeliveryFastPath } from "./fast-path";
import { addTextPrompt, deploy } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";
import { streamPost } from "@/lib/testing/stream-post";

const api = setUpDeliveryApi();
const MiB = 1024 * 1024;

/** POSTs `totalBytes` of filler to the test server, with a key when given; the answer's JSON body parsed. */
async function post(path: string, { key, ...options }: { totalBytes: number; key?: string; declareLength?: boolean }) {
  const headers: Record<string, string> = { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const answer = await streamPost(`${api.baseUrl}${path}`, { ...options, headers });
  return { ...answer, connection: answer.headers.connection, body: JSON.parse(answer.body) as { error?: { code: string } } };
}

describe("delivery API bodies on the fast path", () => {
  it("answers 401 to a caller without a valid key before reading its body, and closes the connection", async () => {
    for (const path of ["/api/v1/generations", "/api/v1/feedback", "/api/v1/prompts/x/render"]) {
      const answer = await post(path, { totalBytes: 64 * MiB, key: "pos_not-a-key" });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 401, "unauthorized:apikey"]);
      expect(answer.sentBeforeAnswer).toBeLessThan(16 * MiB);
      expect(answer.connection).toBe("close");
    }
  });

  it("refuses a body past its endpoint's limit with 413, declared or chunked, and keeps serving", async () => {
    const declared = await post("/api/v1/generations", { totalBytes: 64 * MiB, key: api.writeKey });
    expect([declared.status, declared.body.error?.code, declared.connection]).toEqual([413, "too_large:api", "close"]);
    expect(declared.sentBeforeAnswer).toBeLessThan(16 * MiB);

    const chunked = await post("/api/v1/feedback", { totalBytes: 64 * MiB, key: api.writeKey, declareLength: false });
    expect([chunked.status, chunked.body.error?.code, chunked.connection]).toEqual([413, "too_large:api", "close"]);
    expect(chunked.sentBeforeAnswer).toBeLessThan(16 * MiB);

    // The render endpoint takes 8 MiB; past it, the same.
    const render = await post("/api/v1/prompts/x/render", { totalBytes: 64 * MiB, key: api.readKey, declareLength: false });
    expect([render.status, render.body.error?.code]).toEqual([413, "too_large:api"]);

    const after = await api.request("GET", "/api/v1/prompts?page=1", { key: api.readKey });
    expect(after.status).toBe(200);
  });
});

describe("a client that goes away mid-body", () => {
  it("stores nothing, and the server keeps answering", async () => {
    const stored = async () => (await first(getDb().select({ n: count() }).from(generations)))!.n;
    const before = await stored();
    await new Promise<void>((resolve) => {
      const request = http.request(`${api.baseUrl}/api/v1/generations`, {
        method: "POST",
        headers: { authorization: `Bearer ${api.writeKey}`, "content-type": "application/json", "content-length": String(MiB / 2) },
      });
      request.on("error", () => resolve());
      request.write(Buffer.alloc(64 * 1024, 0x20), () => setTimeout(() => request.destroy(), 50));
      request.on("close", () => resolve());
    });
    const after = await api.request("GET", "/api/v1/prompts?page=1", { key: api.readKey });
    expect(after.status).toBe(200);
    expect(await stored()).toBe(before);
  });
});

describe("a prompt served before", () => {
  it("is answered in the same turn of the event loop, waiting on nothing; only a miss reads the database", async () => {
    const prompt = await addTextPrompt(api.ws, "hot/path", ["Hot {{x}}"]);
    await deploy(api.ws, { promptId: prompt.id, environment: "staging", version: 1 });
    const deliver = createDeliveryFastPath(api.state);
    const get = () => {
      const sent: { status?: number; body?: Buffer } = {};
      const request = { url: "/api/v1/prompts/hot%2Fpath?label=staging", method: "GET", headers: { authorization: `Bearer ${api.readKey}` }, complete: true };
      const response = {
        statusCode: 200,
        writeHead(status: number) {
          sent.status = this.statusCode = status;
          return this;
        },
        end(body?: Buffer) {
          sent.body = body;
          return this;
        },
      };
      expect(deliver(request as unknown as IncomingMessage, response as unknown as ServerResponse)).toBe(true);
      return sent;
    };
    const miss = get();
    expect(miss.status).toBeUndefined();
    await vi.waitFor(() => expect(miss.status).toBe(200));
    const hit = get();
    expect(hit.status).toBe(200);
    expect(JSON.parse(hit.body!.toString())).toMatchObject({ name: "hot/path", version: 1, template: "Hot {{x}}" });
  });
});

describe("what the fast path counts", () => {
  it("hands each answer's raw path, method and final status to the recorder, and leaves other paths to Next", async () => {
    const recorded: [string, string, number][] = [];
    const deliver = createDeliveryFastPath(api.state, (rawPath, method, status) => recorded.push([rawPath, method, status]));
    const server = http.createServer((request, response) => {
      if (deliver(request, response)) return;
      response.writeHead(418);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/api/v1/prompts/a%2Fb?label=production`, { headers: { authorization: `Bearer ${api.readKey}` } })).status).toBe(404);
      expect((await fetch(`${base}/api/v1/prompts/a/render`, { method: "POST", body: "{}" })).status).toBe(401);
      expect((await fetch(`${base}/api/v1/nothing-here`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(recorded).toEqual([
      ["/api/v1/prompts/a%2Fb", "GET", 404],
      ["/api/v1/prompts/a/render", "POST", 401],
    ]);
    // server.ts labels them as Next's route handlers are labelled: prompt names become a placeholder.
    expect(recorded.map(([rawPath]) => routePattern(rawPath))).toEqual(["/api/v1/prompts/{name}", "/api/v1/prompts/{name}"]);
  });
});
