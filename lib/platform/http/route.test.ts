import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { BODY_LIMITS } from "@/lib/core/limits";
import { otherMethods, route } from "./route";

const post = (body: string, type = "application/json") => new Request("http://studio.test/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": type } });

describe("route", () => {
  it("answers malformed JSON with 400 before a library handler parses it (next-auth would answer 500)", async () => {
    let called = false;
    const handler = route(async (request: Request) => {
      called = true;
      return Response.json(await request.json());
    });
    const response = await handler(post('{"email":'), undefined);
    expect([response.status, await response.json()]).toEqual([400, { error: "The request body must be JSON.", code: "bad_request:api" }]);
    expect(called).toBe(false);
  });

  it("caps a public route's body, and hands a body within the cap to the handler intact", async () => {
    const echo = route(async (request: Request) => new Response(await request.text()));
    expect((await echo(post("x".repeat(BODY_LIMITS.publicForm + 1), "application/x-www-form-urlencoded"), undefined)).status).toBe(413);
    const form = "email=a%40b.c&password=x";
    expect(await (await echo(post(form, "application/x-www-form-urlencoded"), undefined)).text()).toBe(form);
  });

  it("turns a library's plain-text 4xx into JSON with the same status, and AppErrors into their status", async () => {
    const plain = route(async () => new Response("Error: This action with HTTP GET is not supported by NextAuth.js", { status: 400, headers: { "content-type": "text/plain" } }));
    const response = await plain(new Request("http://studio.test/api/auth/nope"), undefined);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ error: "This action with HTTP GET is not supported by NextAuth.js", code: "bad_request:api" });
    const thrown = route(async () => {
      throw new AppError("not_found:prompt", "No such prompt.");
    });
    expect((await thrown(new Request("http://studio.test/api/x"), undefined)).status).toBe(404);
    const crash = route(async () => {
      throw new Error("secret detail");
    });
    const failed = await crash(new Request("http://studio.test/api/x"), undefined);
    expect([failed.status, JSON.stringify(await failed.json())]).toEqual([500, expect.not.stringContaining("secret")]);
  });
});

describe("otherMethods", () => {
  it("answers the methods a route lacks with JSON 405 and Allow, and OPTIONS with the real methods", async () => {
    const { PUT, OPTIONS } = otherMethods("GET", "POST");
    const refused = await PUT(new Request("http://studio.test/api/x", { method: "PUT", body: "{" }), undefined);
    expect([refused.status, refused.headers.get("allow"), (await refused.json()).code]).toEqual([405, "GET, POST, HEAD, OPTIONS", "method_not_allowed:api"]);
    const options = await OPTIONS(new Request("http://studio.test/api/x", { method: "OPTIONS" }), undefined);
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, POST, HEAD, OPTIONS"]);
  });
});
