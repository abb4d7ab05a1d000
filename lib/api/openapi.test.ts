import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "./openapi";
import { componentSchemas, mergeComponents } from "./openapi-json-schema";
import { deliveryOperations, operationKeyOf, requestComponents, type OperationKey } from "./openapi-operations";
import { API_BASE, matchDeliveryRoute } from "./routes";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
const operations = Object.entries(deliveryOperations) as [OperationKey, (typeof deliveryOperations)[OperationKey]][];
const documentedPaths = openApiDocument().paths as Record<string, Record<string, { operationId: string }>>;

/** URLs of a path template, with prompt names in both forms the router accepts. */
function samplePaths(template: string): string[] {
  const url = API_BASE + template.replace("{id}", "3f2a-run-1");
  return template.includes("{name}") ? ["support%2Ftriage", "support/triage", "a"].map((name) => url.replace("{name}", name)) : [url];
}

/** Whether a URL is of a path template: a name may hold "/", a run id may not. */
function isOf(template: string, path: string): boolean {
  const pattern = (API_BASE + template).replace(/[.]/g, "\\.").replace("{name}", ".+").replace("{id}", "[^/]+");
  return new RegExp(`^${pattern}$`).test(path);
}

describe("the OpenAPI document and the router", () => {
  it("documents one operation for every route, and the router serves each documented operation at its path", () => {
    // The record's type (Record<OperationKey, …>) already makes a route kind of routes.ts without an operation a
    // compile error; here each operation's path and method must lead the real router back to that same route.
    expect(operations).toHaveLength(16);
    for (const [key, operation] of operations) {
      for (const path of samplePaths(operation.path)) {
        expect(operationKeyOf(matchDeliveryRoute(operation.method.toUpperCase(), path)), `${operation.method} ${path}`).toBe(key);
      }
    }
  });

  it("has the router answer no method or path that the document does not list", () => {
    const probes = [
      ...operations.flatMap(([, operation]) => samplePaths(operation.path)),
      `${API_BASE}/prompts/a/approve`,
      `${API_BASE}/prompts/a/promotions/approve`,
      `${API_BASE}/evals`,
      `${API_BASE}/evals/runs/a/results/b`,
      `${API_BASE}/evals/runs/not_an_id`,
      `${API_BASE}/evals/runs/${"a".repeat(65)}`,
      `${API_BASE}/generations/1`,
      `${API_BASE}/keys`,
      `${API_BASE}/optimizations/a/approve`,
      `${API_BASE}/optimizations/a/save/b`,
      `${API_BASE}/optimizations/not_an_id`,
    ];
    for (const path of probes) {
      for (const method of METHODS) {
        const key = operationKeyOf(matchDeliveryRoute(method, path));
        if (key === undefined) continue;
        const operation = deliveryOperations[key];
        expect(operation.method, `${method} ${path}`).toBe(method.toLowerCase());
        expect(isOf(operation.path, path), `${method} ${path} is ${operation.path}`).toBe(true);
      }
    }
  });

  it("lists exactly the table's operations, each under its path and method", () => {
    const listed = Object.entries(documentedPaths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method} ${path} ${op.operationId}`));
    expect(listed.sort()).toEqual(operations.map(([, op]) => `${op.method} ${op.path} ${op.operationId}`).sort());
  });

  it("resolves every $ref it holds", () => {
    const refs = JSON.stringify(openApiDocument()).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs.map((match) => match.slice(8, -1)))) {
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], openApiDocument());
      expect(target, ref).toBeDefined();
    }
  });
});

describe("schemas generated from zod", () => {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(openApiDocument(), "doc");
  const documented = (name: keyof typeof requestComponents) => ajv.getSchema(`doc#/components/schemas/${name}`)!;

  // Each body once valid and once hostile, parsed by zod and by the documented schema: they must agree, so what
  // zod's converter and the tidy-up leave out (a refinement aside) cannot loosen or tighten the contract unnoticed.
  const bodies: [keyof typeof requestComponents, unknown][] = [
    ["RenderRequest", { version: 1, variables: { a: 1 } }],
    ["RenderRequest", { version: 0 }],
    ["RenderRequest", { version: 1.5 }],
    ["RenderRequest", { label: "" }],
    ["RenderRequest", { vars: {} }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "first", expectedParentVersion: null }],
    ["CreateVersionRequest", { messages: [], commitMessage: "empty" }],
    ["CreateVersionRequest", { template: "Hi" }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "x".repeat(501) }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { temperature: 3 } }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { responseFormat: { type: "json", schema: {} } } }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { guard: { deniedTopics: ["pricing"], words: ["refund"], pii: "mask", maxInputChars: 4000 } } }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { guard: { pii: "redact" } } }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { guard: { maxInputChars: 0 } } }],
    ["CreateVersionRequest", { template: "Hi", commitMessage: "m", modelConfig: { guard: { regex: ".*" } } }],
    ["PromotionRequest", { environment: "production", version: 2, comment: "ship" }],
    ["PromotionRequest", { environment: "production", version: "2" }],
    ["StartEvalRunRequest", { prompt: "greet", dataset: "smoke", scorers: [{ key: "k" }], concurrency: 32 }],
    ["StartEvalRunRequest", { prompt: "greet", dataset: "smoke", concurrency: 33 }],
    ["StartEvalRunRequest", { prompt: "greet", dataset: "smoke", scorers: ["contains"] }],
    ["ReportGenerationRequest", { prompt: "p", version: 1, output: "o", usage: { inputTokens: 3 }, metadata: { a: [1] } }],
    ["ReportGenerationRequest", { prompt: "p", version: 1, output: "o", usage: { inputTokens: -1 } }],
    ["ReportGenerationRequest", { prompt: "p", version: 1, output: "o", variables: { a: 1 } }],
    ["FeedbackRequest", { generationId: "g", score: 1, scale: "thumbs" }],
    ["FeedbackRequest", { generationId: "g", score: 1, scale: "1-10" }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", budget: { candidates: 20, costUsd: 2 }, metric: [{ scorer: { key: "k", type: "equals" } }], seed: 3 }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", budget: { candidates: 201 } }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", budget: { costUsd: 0 } }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", strategy: "all" }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", promptId: "not-a-uuid" }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", metric: [] }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", budget: { tokens: 5 } }],
    ["StartOptimizationRequest", { prompt: "triage", dataset: "tickets", verbose: true }],
  ];

  it.each(bodies)("%s agrees with zod on %j", (name, body) => {
    expect(documented(name)(body)).toBe(requestComponents[name].safeParse(body).success);
  });

  it("refuses to merge two different schemas under one component name", () => {
    const asRequest = componentSchemas({ Thing: z.object({ a: z.string().default("x") }) }, "input");
    const asAnswer = componentSchemas({ Thing: z.object({ a: z.string().default("x") }) }, "output");
    expect(() => mergeComponents(asRequest, asAnswer)).toThrow(/Thing differs/);
    expect(mergeComponents(asAnswer, componentSchemas({ Thing: z.object({ a: z.string().default("x") }) }, "output"))).toEqual(asAnswer);
  });
});
