import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nestsDeeperThan, parseJsonBytes, readBody, readJsonBody, readMultipartBody } from "./body";
import { BODY_LIMITS } from "@/lib/core/limits";

/** A request whose body is produced on demand, counting the chunks the reader pulled. */
function streamedRequest({ chunks, chunkSize, headers = {} }: { chunks: number; chunkSize: number; headers?: Record<string, string> }) {
  const pulled = { count: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(chunkSize).fill(97));
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://studio.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled };
}


describe("readBody", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading a byte", async () => {
    const { request, pulled } = streamedRequest({ chunks: 100, chunkSize: 1024, headers: { "content-length": String(100 * 1024) } });
    const error = await failure(readBody(request, { maxBytes: 1024 }));
    expect(error.status).toBe(413);
    expect(error.message).toBe("The request body is larger than 1 KiB.");
    expect(pulled.count).toBe(0);
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    const { request, pulled } = streamedRequest({ chunks: 10_000, chunkSize: 1024 });
    const error = await failure(readBody(request, { maxBytes: 8 * 1024 }));
    expect(error.status).toBe(413);
    // The ninth chunk passes 8 KiB, and reading stops there.
    expect(pulled.count).toBe(9);
  });

  it("returns a body within the limit whole", async () => {
    const { request } = streamedRequest({ chunks: 4, chunkSize: 1024 });
    expect((await readBody(request, { maxBytes: 4096 })).length).toBe(4096);
  });

  it("refuses a Content-Length that is not a number", async () => {
    const request = new Request("http://studio.test/api/x", { method: "POST", body: "{}", headers: { "content-length": "12abc" } });
    expect((await failure(readBody(request, { maxBytes: 1024 }))).status).toBe(400);
  });
});

describe("JSON bodies", () => {
  const schema = z.object({ name: z.string() });
  const post = (body: BodyInit, contentType: string) => new Request("http://studio.test/api/x", { method: "POST", body, headers: { "content-type": contentType } });

  it("accept only application/json (415 for text/plain, the type a cross-site form can send)", async () => {
    expect(await readJsonBody(post('{"name":"a"}', "application/json; charset=utf-8"), schema, { maxBytes: 1024 })).toEqual({ name: "a" });
    const error = await failure(readJsonBody(post('{"name":"a"}', "text/plain"), schema, { maxBytes: 1024 }));
    expect([error.status, error.message]).toEqual([415, "Send the request body as application/json."]);
  });

  it("answer 400 for malformed JSON, invalid UTF-8, wrong types and NUL bytes", async () => {
    for (const body of ['{"name":', '{"name": 5}', "\u0000", '{"name":"a\u0000"}']) {
      expect((await failure(readJsonBody(post(body, "application/json"), schema, { maxBytes: 1024 }))).status).toBe(400);
    }
    expect((await failure(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d]), "application/json"), schema, { maxBytes: 1024 }))).message).toBe(
      "The request body is not valid UTF-8.",
    );
  });

  it("refuse nesting deeper than the limit before parsing it", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const error = await failure(readJsonBody(post(deep, "application/json"), z.unknown(), { maxBytes: BODY_LIMITS.json }));
    expect(error.message).toBe(`The request body nests deeper than ${BODY_LIMITS.maxJsonDepth} levels.`);
  });

  it("count only brackets outside strings as nesting", () => {
    expect(nestsDeeperThan(JSON.stringify({ text: "[[[[[[[[[[" }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: 'a\\"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan("[[[1]]]", 2)).toBe(true);
    expect(nestsDeeperThan("[[1]]", 2)).toBe(false);
    expect(parseJsonBytes(new TextEncoder().encode('{"a":[{"b":[]}]}'))).toEqual({ a: [{ b: [] }] });
  });
});

describe("multipart bodies", () => {
  it("are read within the cap and refused as another type", async () => {
    const form = new FormData();
    form.append("files", new Blob(["name: x"]), "x.yaml");
    const request = new Request("http://studio.test/api/x", { method: "POST", body: form });
    expect((await readMultipartBody(request, { maxBytes: 1024 * 1024 })).getAll("files")).toHaveLength(1);
    const json = new Request("http://studio.test/api/x", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await failure(readMultipartBody(json, { maxBytes: 1024 }))).status).toBe(415);
  });

  it("answer 400 for a body that is not multipart", async () => {
    const request = new Request("http://studio.test/api/x", { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect((await failure(readMultipartBody(request, { maxBytes: 1024 }))).status).toBe(400);
  });
});
