// The one error type of the client. Server errors keep the studio's own code and message; failures that happen
// on this side (no connection, timeout, unreadable body, rendering) get a `client:*` or `render:*` code.

export type ClientErrorCode =
  | "client:unreachable"
  | "client:timeout"
  | "client:http_error"
  | "client:invalid_response"
  | "client:invalid_request"
  | "render:missing_variables"
  | "render:unknown_partial"
  | "render:partial_depth"
  | "render:template";

export interface PromptClientErrorOptions {
  /** The HTTP status, or null when no response arrived (network error, timeout) or the error is local. */
  status?: number | null;
  /** From a 429's Retry-After header. */
  retryAfterMs?: number | null;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class PromptClientError extends Error {
  /** A `ClientErrorCode`, or the studio's code for an error response (e.g. "not_found:prompt"). */
  readonly code: string;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly details?: Record<string, unknown>;

  constructor(code: ClientErrorCode | (string & {}), message: string, options: PromptClientErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "PromptClientError";
    this.code = code;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.details = options.details;
  }

  /**
   * True when the studio gave no usable answer: no connection, timeout, a 5xx, a 429 or a body that is not a
   * prompt. Only these allow a fallback or keep a stale value. A 4xx such as 401/403/404 is the studio's real
   * answer (bad key, no access, no such prompt or label) and must reach the app's author, not be papered over.
   */
  get unavailable(): boolean {
    if (this.code === "client:unreachable" || this.code === "client:timeout" || this.code === "client:invalid_response") return true;
    return this.status !== null && (this.status >= 500 || this.status === 429);
  }
}

export function isPromptClientError(value: unknown): value is PromptClientError {
  return value instanceof PromptClientError;
}
