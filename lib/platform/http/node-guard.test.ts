import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, revokeSession } from "@/lib/platform/auth/queries";
import { getEnv } from "@/lib/platform/env";
import { makeWorkspace } from "@/lib/testing/factories";
import { BODY_LIMITS } from "@/lib/core/limits";
import { answerClientError, checkActionArguments, guardRequest } from "./node-guard";

// The guard on a real node:http server, as server.ts mounts it. What gets past it reaches "Next", which here
// reads the body the ordinary way and echoes it, so a test sees exactly what Next would have read.

let server: http.Server;
let base = "";
let origin = "";
let cookie = "";
const reached: { method: string; path: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    guardRequest(request, response, () => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        reached.push({ method: request.method!, path: request.url!, body });
        response.writeHead(200, { "content-type": "text/plain" });
        response.end(`next read ${Buffer.byteLength(body)} bytes`);
      });
    });
  });
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  origin = base;
  const { members } = await makeWorkspace(["editor"]);
  const session = await createSession({ userId: members[0]!.user.id, ttlMs: 60_000 });
  const token = await encode({ token: { sid: session.id }, secret: getEnv().AUTH_SECRET });
  cookie = `next-auth.session-token=${token}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

async function send(path: string, init: RequestInit = {}): Promise<Sent> {
  const response = await fetch(base + path, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function action(body: string, headers: Record<string, string> = {}, path = "/prompts"): Promise<Sent> {
  return send(path, { method: "POST", body, headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", origin, cookie, ...headers } });
}

function expectJsonError(sent: Sent, status: number, message?: RegExp) {
  expect(sent.status).toBe(status);
  expect(sent.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(sent.text) as { error: unknown; code: string };
  if (message) expect(JSON.stringify(body.error)).toMatch(message);
}

describe("paths", () => {
  it("answers a path whose %-escapes do not decode with JSON 400, in the delivery API's shape under /api/v1", async () => {
    for (const path of ["/api/datasets/%zz/export", "/prompts/%E0%A4%A", "/%", "/api/v1/prompts/a%zz/render"]) {
      expectJsonError(await send(path), 400, /malformed %-escape/);
    }
    expect(JSON.parse((await send("/api/v1/prompts/%zz")).text)).toEqual({ error: { code: "bad_request:api", message: "The path has a malformed %-escape." } });
    expect(JSON.parse((await send("/api/health/%zz")).text)).toMatchObject({ code: "bad_request:api" });
  });

  it("lets well-formed paths and queries through untouched, bad escapes in the query included", async () => {
    expect((await send("/prompts/support%2Ftriage?x=%zz")).status).toBe(200);
    expect((await send("/api/playground/run", { method: "POST", body: "{}" })).status).toBe(200);
  });

  it("refuses a non-GET request to a page that is not a server action with 405", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const sent = await send("/prompts", { method, body: "garbage", headers: { "content-type": "multipart/form-data; boundary=x" } });
      expectJsonError(sent, 405);
      expect(sent.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});

describe("server actions", () => {
  const valid = JSON.stringify([{ name: "support/triage", type: "text", tags: ["$$escaped"], note: "$undefined" }]);

  it("hands a valid action to Next with its body intact, read once here and again there", async () => {
    reached.length = 0;
    const sent = await action(valid);
    expect(sent.text).toBe(`next read ${Buffer.byteLength(valid)} bytes`);
    expect(reached).toEqual([{ method: "POST", path: "/prompts", body: valid }]);
  });

  it("hands over a body that arrives in many packets, at the size limit", async () => {
    reached.length = 0;
    const big = JSON.stringify(["x".repeat(BODY_LIMITS.promptContent - 8)]);
    expect(Buffer.byteLength(big)).toBeLessThanOrEqual(BODY_LIMITS.promptContent);
    expect((await action(big)).status).toBe(200);
    expect(reached[0]?.body.length).toBe(big.length);
  });

  it("refuses another origin, or none, with 403", async () => {
    expectJsonError(await action(valid, { origin: "http://evil.example" }), 403, /not this studio's origin/);
    expectJsonError(await action(valid, { "sec-fetch-site": "cross-site" }), 403, /Sec-Fetch-Site/);
    const headers = { "next-action": "7f00aa", "content-type": "text/plain", cookie };
    expectJsonError(await send("/prompts", { method: "POST", body: valid, headers }), 403, /no Origin/);
  });

  it("refuses a body of another type with 415", async () => {
    for (const type of ["application/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
      expectJsonError(await action(valid, { "content-type": type }), 415);
    }
  });

  it("refuses a body over the limit with 413 from its declared length, before reading it", async () => {
    const sent = await rawRequest(
      `POST /prompts HTTP/1.1\r\nHost: ${origin.slice(7)}\r\nOrigin: ${origin}\r\nNext-Action: 7f00aa\r\nContent-Type: text/plain\r\nCookie: ${cookie}\r\n` +
        `Content-Length: ${BODY_LIMITS.promptContent + 1}\r\n\r\n[`,
    );
    expect(sent).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toContain('"code":"too_large:api"');
  });

  it("refuses a body without a declared length with 411", async () => {
    const sent = await rawRequest(
      `POST /prompts HTTP/1.1\r\nHost: ${origin.slice(7)}\r\nOrigin: ${origin}\r\nNext-Action: 7f00aa\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n`,
    );
    expect(sent).toMatch(/^HTTP\/1\.1 411 /);
  });

  it("refuses a caller without a live session with 401 (except the first-run setup page)", async () => {
    expectJsonError(await action(valid, { cookie: "" }), 401);
    expectJsonError(await action(valid, { cookie: "next-auth.session-token=forged" }), 401);
    const { members } = await makeWorkspace(["editor"]);
    const session = await createSession({ userId: members[0]!.user.id, ttlMs: 60_000 });
    const revoked = `next-auth.session-token=${await encode({ token: { sid: session.id }, secret: getEnv().AUTH_SECRET })}`;
    await revokeSession({ sessionId: session.id });
    expectJsonError(await action(valid, { cookie: revoked }), 401);
    expect((await action(valid, { cookie: "" }, "/setup")).status).toBe(200);
  });

  it("answers malformed argument lists with 400 instead of letting Next fail with 500", async () => {
    reached.length = 0;
    for (const body of ["{{{", "5", '{"a":1}', '["$Q99"]', '["$@1"]', '[{"x":"$K1"}]', '["$n12abc"]', "", "[" + "[".repeat(100) + "]".repeat(101)]) {
      expectJsonError(await action(body), 400);
    }
    expect(reached).toEqual([]);
  });

  it("checks every nested string for React's reference markers", () => {
    expect(() => checkActionArguments(new TextEncoder().encode('[{"a":[{"b":"$F1"}]}]'))).toThrow("plain values");
    expect(() => checkActionArguments(new TextEncoder().encode('[{"a":[{"b":"$$F1"}]}]'))).not.toThrow();
    expect(() => checkActionArguments(new TextEncoder().encode(JSON.stringify(new Array(1001).fill(0))))).toThrow("at most 1000");
  });
});

describe("malformed HTTP", () => {
  it("answers headers over node's limit with JSON 431", async () => {
    const sent = await rawRequest(`GET /api/health?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(sent).toMatch(/^HTTP\/1\.1 431 /);
    expect(sent).toContain("application/json");
    expect(JSON.parse(sent.slice(sent.indexOf("\r\n\r\n") + 4))).toMatchObject({ code: "headers_too_large:api" });
  });

  it("answers an unparseable request with JSON 400", async () => {
    const sent = await rawRequest("GET /api/health HTTP/1.1\r\nHost: x\r\nBad\u0000Header: 1\r\n\r\n");
    expect(sent).toMatch(/^HTTP\/1\.1 400 /);
    expect(sent).toContain('"code":"bad_request:api"');
  });
});

/** Writes raw bytes and collects whatever comes back until the server closes or answers. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      const headerEnd = received.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(received)?.[1];
      if (headerEnd !== -1 && length && received.length >= headerEnd + 4 + Number(length)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("end", () => resolve(received));
    socket.on("error", (error) => (received ? resolve(received) : reject(error)));
  });
}
