import "server-only";
import { toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import type { GuardRule } from "@/lib/core/vocabulary/guard-policy";
import type { ErrorBody } from "./schemas";
import { NO_STORE_JSON } from "./serialize";

// Every delivery API failure is `{ error: { code, message } }` (errorBodySchema) with the AppError's status.
// Unknown errors become a generic 500; only the log sees what happened.

export interface ErrorReply {
  status: number;
  body: string;
  headers: [string, string][];
}

export function errorReply(thrown: unknown): ErrorReply {
  const error = toAppError(thrown);
  if (error.status >= 500) logger.error({ err: thrown }, "delivery API request failed");
  const headers = NO_STORE_JSON.map(([name, value]): [string, string] => [name, value]);
  const retryAfter = error.details?.retryAfterSeconds;
  if ((error.status === 429 || error.status === 503) && typeof retryAfter === "number") headers.push(["Retry-After", String(Math.ceil(retryAfter))]);
  if (error.status === 401) headers.push(["WWW-Authenticate", 'Bearer realm="promptops"']);
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  // A guard policy's refusal names its rule, so an application can tell its users which limit they met.
  if (error.code === "unprocessable:guard") body.error.details = { rule: error.details?.rule as GuardRule };
  return { status: error.status, body: JSON.stringify(body), headers };
}
