// The delivery API's bodies on node:http (the custom server's fast path): the key is checked before a byte of the
// body is read, a body past its endpoint's limit is refused while it streams, declared or chunked, and the server
// keeps answering. Real sockets, so what is measured is what was sent before the answer came.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";

const api = setUpDeliveryApi();
const MiB = 1024 * 1024;

interface Streamed {
  status: number;
  connection: string | undefined;
  body: { error?: { code: string } };
  /** Bytes written before the answer arrived. */
  sentBeforeAnswer: number;
}

/** POSTs `totalBytes` of JSON-looking filler in 64 KiB chunks, stopping as soon as an answer arrives. */
function streamPost(path: string, { totalBytes, key, declareLength = true }: { totalBytes: number; key?: string; declareLength?: boolean }): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, api.baseUrl);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    if (declareLength) headers["content-length"] = String(totalBytes);
    const request = http.request(url, { method: "POST", headers });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    request.on("response", (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let text = "";
      response.on("data", (data: Buffer) => (text += data.toString()));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: JSON.parse(text) as Streamed["body"], sentBeforeAnswer });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("delivery API bodies on the fast path", () => {
  it("answers 401 to a caller without a valid key before reading its body, and closes the connection", async () => {
    for (const path of ["/api/v1/generations", "/api/v1/feedback", "/api/v1/prompts/x/render"]) {
      const answer = await streamPost(path, { totalBytes: 64 * MiB, key: "pos_not-a-key" });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 401, "unauthorized:apikey"]);
      expect(answer.sentBeforeAnswer).toBeLessThan(16 * MiB);
      expect(answer.connection).toBe("close");
    }
  });

  it("refuses a body past its endpoint's limit with 413, declared or chunked, and keeps serving", async () => {
    const declared = await streamPost("/api/v1/generations", { totalBytes: 64 * MiB, key: api.writeKey });
    expect([declared.status, declared.body.error?.code, declared.connection]).toEqual([413, "too_large:api", "close"]);
    expect(declared.sentBeforeAnswer).toBeLessThan(16 * MiB);

    const chunked = await streamPost("/api/v1/feedback", { totalBytes: 64 * MiB, key: api.writeKey, declareLength: false });
    expect([chunked.status, chunked.body.error?.code, chunked.connection]).toEqual([413, "too_large:api", "close"]);
    expect(chunked.sentBeforeAnswer).toBeLessThan(16 * MiB);

    // The render endpoint takes 8 MiB; past it, the same.
    const render = await streamPost("/api/v1/prompts/x/render", { totalBytes: 64 * MiB, key: api.readKey, declareLength: false });
    expect([render.status, render.body.error?.code]).toEqual([413, "too_large:api"]);

    const after = await api.request("GET", "/api/v1/prompts?page=1", { key: api.readKey });
    expect(after.status).toBe(200);
  });
});
