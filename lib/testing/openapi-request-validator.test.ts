import { describe, expect, it } from "vitest";
import { assertRequestBreaksOpenApi, assertRequestMatchesOpenApi, requestProblems } from "./openapi-request-validator";

const get = (rawUrl: string) => requestProblems({ method: "GET", rawUrl });
const post = (rawUrl: string, body: unknown) => requestProblems({ method: "POST", rawUrl, rawBody: typeof body === "string" ? body : JSON.stringify(body) });

describe("requests checked against the OpenAPI document", () => {
  it("accepts documented queries, read as the API reads them, and names in either form", () => {
    expect(get("/api/v1/prompts/support%2Ftriage?label=staging")).toEqual([]);
    expect(get("/api/v1/prompts/support/triage?version=3")).toEqual([]);
    expect(get("/api/v1/prompts?page=2&pageSize=100&q=refund")).toEqual([]);
    expect(get("/api/v1/evals/runs/3f2a-run/results?filter=failures&page=1")).toEqual([]);
    expect(get("/api/v1/openapi.json")).toEqual([]);
  });

  it("refuses unknown, repeated, mistyped and out-of-range query parameters", () => {
    expect(get("/api/v1/prompts/a?lable=staging")).toEqual(["query parameter lable is not documented"]);
    expect(get("/api/v1/prompts/a?label=staging&label=production")).toEqual(["query parameter label is given 2 times"]);
    expect(get("/api/v1/prompts/a?version=two")).toEqual([expect.stringMatching(/^query parameter version: data must be integer/)]);
    expect(get("/api/v1/prompts/a?version=1.5")).toEqual([expect.stringMatching(/^query parameter version: data must be integer/)]);
    expect(get("/api/v1/prompts?pageSize=101")).toEqual(["query parameter pageSize: data must be <= 100"]);
    expect(get("/api/v1/evals/runs/r-1/results?filter=everything")).toEqual([expect.stringMatching(/^query parameter filter: data must be equal to one of the allowed values/)]);
    expect(get("/api/v1/evals/runs/r-1?page=1")).toEqual(["query parameter page is not documented"]);
  });

  it("checks path parameters: a name over the limit or not valid percent-encoding is refused", () => {
    expect(get(`/api/v1/prompts/${"n".repeat(200)}`)).toEqual([]);
    expect(get(`/api/v1/prompts/${"n".repeat(201)}`)).toEqual([expect.stringMatching(/^path parameter name: data must NOT have more than 200 characters/)]);
    expect(get("/api/v1/prompts/bad%E0%A4%A")).toEqual([expect.stringMatching(/percent-encoding/)]);
  });

  it("checks bodies: required, JSON, and matching the documented schema; none on a GET", () => {
    expect(post("/api/v1/prompts/a/render", { variables: { name: "Ada" } })).toEqual([]);
    expect(post("/api/v1/prompts/a/render", "{oops")).toEqual(["the request body is not JSON"]);
    expect(post("/api/v1/prompts/a/render", { vars: {} })).toEqual([expect.stringMatching(/^request body: data must NOT have additional properties/)]);
    expect(requestProblems({ method: "POST", rawUrl: "/api/v1/feedback" })).toEqual(["the request body is required"]);
    expect(requestProblems({ method: "GET", rawUrl: "/api/v1/prompts", rawBody: "{}" })).toEqual(["the operation documents no request body, but one was sent"]);
    expect(post("/api/v1/generations", { prompt: "p", version: 1, output: "x".repeat(200_001) })).toEqual([
      expect.stringMatching(/^request body: data\/output must NOT have more than 200000 characters/),
    ]);
  });

  it("throws for a request the test means to be valid but is not, and for a hostile one the document allows", () => {
    expect(() => assertRequestMatchesOpenApi({ method: "GET", rawUrl: "/api/v1/prompts?sort=name" })).toThrow(/sort is not documented/);
    expect(() => assertRequestBreaksOpenApi({ method: "GET", rawUrl: "/api/v1/prompts?page=2" })).toThrow(/the OpenAPI document allows it/);
    expect(() => assertRequestMatchesOpenApi({ method: "POST", rawUrl: "/api/v1/prompts/a/approve", rawBody: "{}" })).toThrow(/not an endpoint/);
  });
});
