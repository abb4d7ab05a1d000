import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { AUTH_BODY_LIMIT_BYTES, readAuthBody } from "./sign-in-body";

const post = (body: BodyInit | null, contentType?: string, headers: Record<string, string> = {}) =>
  new Request("http://studio.test/api/auth/callback/credentials", {
    method: "POST",
    body,
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
    duplex: "half",
  } as RequestInit);

async function refusal(request: Request) {
  try {
    await readAuthBody(request);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("the auth route's body check", () => {
  it("passes a form or a flat JSON object of strings through unchanged", async () => {
    expect(await readAuthBody(post("email=a%40b.c&password=x", "application/x-www-form-urlencoded"))).toBe("email=a%40b.c&password=x");
    const json = JSON.stringify({ csrfToken: "t", email: "a@b.c", password: "x", json: "true" });
    expect(await readAuthBody(post(json, "application/json; charset=utf-8"))).toBe(json);
  });

  it("answers 400, not 500, for malformed or non-flat JSON", async () => {
    for (const body of ["{", "not json", "", "[]", "null", '"text"', '{"email":{"$ne":""}}', '{"callbackUrl":["/a"]}', '{"json":true}']) {
      const error = await refusal(post(body, "application/json"));
      expect(error.status, body).toBe(400);
      expect(error.toJSON().error).toMatch(/JSON/);
    }
  });

  it("answers 400 for a deeply nested body without overflowing the stack", async () => {
    const deep = "[".repeat(AUTH_BODY_LIMIT_BYTES / 2) + "]".repeat(AUTH_BODY_LIMIT_BYTES / 2);
    expect((await refusal(post(deep, "application/json"))).status).toBe(400);
  });

  it("answers 400 for a content type next-auth would silently ignore", async () => {
    for (const type of [undefined, "text/plain", "multipart/form-data; boundary=x"]) {
      expect((await refusal(post("email=a", type))).status, String(type)).toBe(400);
    }
  });

  it("answers 413 for a body over the cap, declared or streamed", async () => {
    const big = "a=" + "x".repeat(AUTH_BODY_LIMIT_BYTES);
    expect((await refusal(post(big, "application/x-www-form-urlencoded"))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(4096).fill(97));
      },
    });
    expect((await refusal(post(stream, "application/x-www-form-urlencoded"))).status).toBe(413);
  });
});
