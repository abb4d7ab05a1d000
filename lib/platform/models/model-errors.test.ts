import { APICallError, JSONParseError } from "@ai-sdk/provider";
import { RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { isCancelledError, parseRetryAfter, sanitize, toModelError } from "./model-errors";

const context = { providerLabel: "OpenAI" };

function apiError({
  statusCode,
  body = "",
  headers = {},
}: {
  statusCode?: number;
  body?: string;
  headers?: Record<string, string>;
}) {
  return new APICallError({
    message: "provider said no",
    url: "https://api.example.com/v1/chat/completions",
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
    responseBody: body,
  });
}

/** What a provider's 400 with this body becomes. */
const fromBadRequest = (body: string, providerLabel = context.providerLabel) => toModelError(apiError({ statusCode: 400, body }), { providerLabel });

describe("toModelError", () => {
  it("maps HTTP statuses to error codes", () => {
    expect(toModelError(apiError({ statusCode: 401 }), context).code).toBe("unauthorized:provider");
    expect(toModelError(apiError({ statusCode: 403 }), context).code).toBe("unauthorized:provider");
    expect(toModelError(apiError({ statusCode: 500 }), context).code).toBe("upstream:model");
    expect(toModelError(apiError({ statusCode: 503 }), context).code).toBe("upstream:model");
    expect(toModelError(apiError({ statusCode: 404 }), context).code).toBe("bad_request:model");
  });

  it("reads Retry-After on 429s", () => {
    const error = toModelError(apiError({ statusCode: 429, headers: { "retry-after": "12" } }), context);
    expect(error.code).toBe("rate_limited:model");
    expect(error.details?.retryAfterSeconds).toBe(12);
    expect(error.message).toContain("12 s");
  });

  it("recognises context-length errors from OpenAI and Anthropic", () => {
    const openai = fromBadRequest('{"error":{"code":"context_length_exceeded","message":"maximum context length is 8192"}}');
    expect(openai.code).toBe("bad_request:model");
    expect(openai.message).toContain("too long for the model's context window");
    const anthropic = fromBadRequest('{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}', "Anthropic");
    expect(anthropic.message).toContain("context window");
  });

  it("passes through a redacted provider message for other 400s", () => {
    const error = fromBadRequest('{"error":{"message":"Unsupported value: temperature for key sk-abcdef123456"}}');
    expect(error.code).toBe("bad_request:model");
    expect(error.message).toContain("Unsupported value: temperature");
    expect(error.message).not.toContain("sk-abcdef");
  });

  it("unwraps RetryError to the last failure", () => {
    const retry = new RetryError({
      message: "failed after 3 attempts",
      reason: "maxRetriesExceeded",
      errors: [apiError({ statusCode: 500 }), apiError({ statusCode: 429 })],
    });
    expect(toModelError(retry, context).code).toBe("rate_limited:model");
  });

  it("classifies aborts, timeouts, connection failures and parse errors", () => {
    expect(toModelError(new DOMException("t", "TimeoutError"), context).code).toBe("timeout:model");
    const cancelled = toModelError(new DOMException("a", "AbortError"), context);
    expect(isCancelledError(cancelled)).toBe(true);

    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    expect(toModelError(refused, context).code).toBe("unavailable:provider");

    const parse = new JSONParseError({ text: "{oops", cause: new SyntaxError("bad") });
    const malformed = toModelError(parse, context);
    expect(malformed.code).toBe("upstream:model");
    expect(malformed.message).toContain("malformed response");
  });

  it("keeps AppErrors and hides the text of unknown errors", () => {
    const original = new AppError("timeout:model", "x");
    expect(toModelError(original, context)).toBe(original);
    const unknown = toModelError(new Error("secret stack detail at /srv/app.js:12"), context);
    expect(unknown.code).toBe("upstream:model");
    expect(unknown.message).not.toContain("secret");
  });
});

describe("parseRetryAfter", () => {
  it("accepts seconds, HTTP dates and retry-after-ms", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter({ headers: { "Retry-After": "7" } })).toBe(7);
    expect(parseRetryAfter({ headers: { "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }, now })).toBe(30);
    expect(parseRetryAfter({ headers: { "retry-after": "Tue, 31 Dec 2024 00:00:00 GMT" }, now })).toBe(0);
    expect(parseRetryAfter({ headers: { "retry-after-ms": "1500" } })).toBe(1.5);
    expect(parseRetryAfter({ headers: { "retry-after": "soon" } })).toBeNull();
    expect(parseRetryAfter({ headers: undefined })).toBeNull();
  });
});

describe("sanitize", () => {
  it("redacts credentials and caps length", () => {
    expect(sanitize("Incorrect API key provided: sk-proj-abc****wxyz.")).toBe("Incorrect API key provided: [redacted]");
    expect(sanitize("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(sanitize("x".repeat(400))).toHaveLength(300);
  });
});
