// Turns whatever a provider call throws (AI SDK errors, fetch errors, aborts, stream error parts)
// into an AppError whose message a user can act on. Provider texts are redacted and truncated because
// some echo part of the API key ("Incorrect API key provided: sk-abc***xyz").

import {
  APICallError,
  EmptyResponseBodyError,
  InvalidArgumentError,
  InvalidPromptError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  TypeValidationError,
  UnsupportedFunctionalityError,
} from "@ai-sdk/provider";
import { InvalidStreamPartError, NoOutputGeneratedError, RetryError } from "ai";
import { AppError, isAppError } from "@/lib/core/errors";

export interface ModelErrorContext {
  providerLabel: string;
  /** The timeout that was in force, so a timeout message can say how long we waited. */
  timeoutMs?: number;
}

export const CANCELLED_MESSAGE = "The request was cancelled.";

/**
 * Caller cancellation is reported as "bad_request:model" with details.cancelled = true: it is not a
 * provider failure, and there is no dedicated error type for it. Use this to tell it apart.
 */
export function isCancelledError(error: unknown): boolean {
  return isAppError(error) && error.details?.cancelled === true;
}

export function cancelledError(cause?: unknown): AppError {
  return new AppError("bad_request:model", CANCELLED_MESSAGE, { details: { cancelled: true }, cause });
}

export function timeoutError({ providerLabel, timeoutMs, cause }: ModelErrorContext & { cause?: unknown }): AppError {
  const waited = timeoutMs === undefined ? "" : ` within ${formatSeconds(timeoutMs / 1000)}`;
  return new AppError("timeout:model", `${providerLabel} did not answer${waited}. Try again or raise the timeout.`, {
    details: timeoutMs === undefined ? undefined : { timeoutMs },
    cause,
  });
}

export function toModelError(error: unknown, context: ModelErrorContext): AppError {
  if (isAppError(error)) return error;
  const { providerLabel } = context;

  // With maxRetries > 0 the SDK wraps the last failure; the user cares about that one.
  if (RetryError.isInstance(error)) return toModelError(error.lastError, context);

  if (isNamed(error, "TimeoutError")) return timeoutError({ ...context, cause: error });
  if (isNamed(error, "AbortError") || isNamed(error, "ResponseAborted")) return cancelledError(error);

  if (APICallError.isInstance(error) && error.statusCode !== undefined) {
    return fromHttpStatus({ error, statusCode: error.statusCode, context });
  }

  if (isConnectionError(error)) {
    return new AppError(
      "unavailable:provider",
      `Provider unreachable: could not connect to ${providerLabel}. Check its base URL and that the server is running.`,
      { cause: error },
    );
  }

  if (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error) ||
    NoContentGeneratedError.isInstance(error) ||
    InvalidStreamPartError.isInstance(error)
  ) {
    return new AppError(
      "upstream:model",
      `${providerLabel} sent a malformed response that could not be read. Try again; if it keeps happening, check the provider.`,
      { cause: error },
    );
  }

  if (NoOutputGeneratedError.isInstance(error)) {
    return new AppError("upstream:model", `${providerLabel} returned no output.`, { cause: error });
  }

  if (
    InvalidPromptError.isInstance(error) ||
    InvalidArgumentError.isInstance(error) ||
    UnsupportedFunctionalityError.isInstance(error)
  ) {
    // These come from the SDK validating our own request, so their text is safe and specific.
    return new AppError("bad_request:model", `The request is not valid for ${providerLabel}: ${sanitize(error.message)}`, {
      cause: error,
    });
  }

  // A provider's in-stream error object, e.g. `data: {"error": {"message": "..."}}` mid-stream.
  const streamedMessage = providerMessage(error);
  if (!(error instanceof Error) && streamedMessage) {
    return new AppError("upstream:model", `${providerLabel} reported an error: ${streamedMessage}`, { cause: error });
  }

  return new AppError("upstream:model", `The call to ${providerLabel} failed unexpectedly. Try again.`, {
    cause: error,
  });
}

function fromHttpStatus({
  error,
  statusCode,
  context: { providerLabel },
}: {
  error: APICallError;
  statusCode: number;
  context: ModelErrorContext;
}): AppError {
  const body = `${error.responseBody ?? ""} ${safeStringify(error.data)}`.toLowerCase();
  const detail = providerMessage(error.data) ?? providerMessage(parseJson(error.responseBody));
  const options = { cause: error, details: { providerStatus: statusCode } };

  if (statusCode === 401 || statusCode === 403) {
    const problem = statusCode === 401 ? "rejected the API key" : "refused access with this API key";
    return new AppError(
      "unauthorized:provider",
      `${providerLabel} ${problem} (HTTP ${statusCode}). Check the key configured for ${providerLabel}.`,
      options,
    );
  }

  if (statusCode === 429) {
    if (body.includes("insufficient_quota")) {
      return new AppError(
        "rate_limited:model",
        `${providerLabel} reports the account is out of quota (HTTP 429). Check its plan and billing.`,
        options,
      );
    }
    const retryAfterSeconds = parseRetryAfter({ headers: error.responseHeaders });
    const wait = retryAfterSeconds === null ? "in a moment" : `in ${formatSeconds(retryAfterSeconds)}`;
    return new AppError("rate_limited:model", `${providerLabel} is rate-limiting requests (HTTP 429). Try again ${wait}.`, {
      cause: error,
      details: { providerStatus: statusCode, ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }) },
    });
  }

  if (statusCode === 408) {
    return new AppError("timeout:model", `${providerLabel} timed out (HTTP 408). Try again.`, options);
  }

  if (statusCode >= 500) {
    return new AppError(
      "upstream:model",
      `${providerLabel} had a server error (HTTP ${statusCode}). Try again in a moment.`,
      options,
    );
  }

  if (isContextLengthError(body)) {
    return new AppError(
      "bad_request:model",
      "The prompt is too long for the model's context window. Shorten the prompt or pick a model with a larger context window.",
      { ...options, details: { providerStatus: statusCode, reason: "context_length_exceeded" } },
    );
  }

  if (statusCode === 404) {
    return new AppError(
      "bad_request:model",
      `${providerLabel} does not know this model (HTTP 404). Check the model name${detail ? `: ${detail}` : "."}`,
      options,
    );
  }

  return new AppError(
    "bad_request:model",
    `${providerLabel} rejected the request (HTTP ${statusCode})${detail ? `: ${detail}` : "."}`,
    options,
  );
}

function isContextLengthError(body: string): boolean {
  return /context_length_exceeded|context length|context window|maximum context|prompt is too long|too many tokens/.test(
    body,
  );
}

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
  "ConnectionClosed",
  "FailedToOpenSocket",
]);

function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && connectionCodes.has(code)) return true;
    if (/^(fetch failed|failed to fetch)$/i.test(current.message)) return true;
    if (APICallError.isInstance(current) && current.message.startsWith("Cannot connect to API")) return true;
    current = current.cause;
  }
  return false;
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date) or OpenAI's retry-after-ms. */
export function parseRetryAfter({
  headers,
  now = Date.now(),
}: {
  headers: Record<string, string> | undefined;
  now?: number;
}): number | null {
  if (!headers) return null;
  const lookup = (name: string) =>
    Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]?.trim() || undefined;

  const millis = lookup("retry-after-ms");
  if (millis && /^\d+(\.\d+)?$/.test(millis)) return Number(millis) / 1000;

  const value = lookup("retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function providerMessage(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const record = data as { message?: unknown; error?: unknown };
  if (typeof record.message === "string" && record.message) return sanitize(record.message);
  if (typeof record.error === "string" && record.error) return sanitize(record.error);
  if (record.error && typeof record.error === "object") return providerMessage(record.error);
  return null;
}

/** Strips anything that looks like a credential and caps the length; provider text is not ours to trust. */
export function sanitize(text: string): string {
  const redacted = text
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_*.-]{3,}/g, "[redacted]")
    .replace(/\bBearer\s+\S+/gi, "Bearer [redacted]")
    .replace(/((?:api[_-]?key|x-api-key|token)\s*[:=]\s*)\S+/gi, "$1[redacted]")
    .replace(/\s+/g, " ")
    .trim();
  return redacted.length > 300 ? `${redacted.slice(0, 297)}...` : redacted;
}

function isNamed(error: unknown, name: string): boolean {
  return (error instanceof Error || error instanceof DOMException) && error.name === name;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function safeStringify(value: unknown): string {
  try {
    return value === undefined ? "" : JSON.stringify(value);
  } catch {
    return "";
  }
}

function formatSeconds(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${Math.round(seconds * 10) / 10} s`;
}
