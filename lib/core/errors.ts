// The one error type of the studio. Codes are `type:surface`; the type decides the HTTP status,
// the message is always safe to show a user (never a stack trace or a secret).

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "unprocessable"
  | "length_required"
  | "too_large"
  | "unsupported_media"
  | "headers_too_large"
  | "rate_limited"
  | "timeout"
  | "unavailable"
  | "upstream"
  | "internal";

export type ErrorSurface =
  | "api"
  | "apikey"
  | "auth"
  | "database"
  | "dataset"
  | "deployment"
  | "environment"
  | "eval"
  | "feedback"
  | "generation"
  | "guard"
  | "member"
  | "metrics"
  | "model"
  | "optimizer"
  | "pattern"
  | "provider"
  | "prompt"
  | "review"
  | "scorer"
  | "setup"
  | "template"
  | "import"
  | "webhook"
  | "workspace";

export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable: 422,
  length_required: 411,
  too_large: 413,
  unsupported_media: 415,
  headers_too_large: 431,
  rate_limited: 429,
  timeout: 504,
  unavailable: 503,
  upstream: 502,
  internal: 500,
};

/** The error type a status belongs to (bad_request for a 4xx with no type of its own). */
export function errorTypeForStatus(status: number): ErrorType {
  const match = (Object.entries(statusByType) as [ErrorType, number][]).find(([, code]) => code === status);
  return match?.[0] ?? (status < 500 ? "bad_request" : "internal");
}

export interface AppErrorOptions {
  /** Extra machine-readable facts safe to send to a client (e.g. retryAfterSeconds, field issues). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: ErrorSurface;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    const [type, surface] = code.split(":") as [ErrorType, ErrorSurface];
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.details = options.details;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  get status(): number {
    return statusByType[this.type];
  }

  toJSON() {
    return { error: this.message, code: this.code, ...(this.details ? { details: this.details } : {}) };
  }

  toResponse(): Response {
    const headers = new Headers({ "content-type": "application/json" });
    const retryAfter = this.details?.retryAfterSeconds;
    if ((this.type === "rate_limited" || this.type === "unavailable") && typeof retryAfter === "number") {
      headers.set("retry-after", String(Math.ceil(retryAfter)));
    }
    return new Response(JSON.stringify(this.toJSON()), { status: this.status, headers });
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Seconds a client is told to wait when another process holds the database's write lock. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 2;

/** The 503 for a write that could not get the database's lock in time (SQLITE_BUSY, SQLITE_LOCKED). */
export function databaseBusyError(cause?: unknown): AppError {
  return new AppError("unavailable:database", "The database is busy with another process's write. Nothing was saved; try again in a moment.", {
    details: { retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS },
    cause,
  });
}

// better-sqlite3's SqliteError carries SQLite's (extended) result code; matched by name so this module stays pure.
function sqliteCode(value: unknown): string | null {
  const code = (value as { code?: unknown } | null)?.code;
  return value instanceof Error && typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/** Any thrown value as an AppError; unknown errors become a generic 500 that hides their text. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  const code = sqliteCode(value);
  if (code?.startsWith("SQLITE_BUSY") || code?.startsWith("SQLITE_LOCKED")) return databaseBusyError(value);
  if (code?.startsWith("SQLITE_READONLY")) {
    return new AppError("unavailable:database", "The database is read-only, so nothing can be saved. An operator has to make it writable.", { cause: value });
  }
  return new AppError("internal:api", "Something went wrong on our side. Please try again.", { cause: value });
}
