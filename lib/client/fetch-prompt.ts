// One GET of the delivery API, with a deadline that covers reading the body too (a server that sends headers and
// then stalls must not hang the app). Every failure becomes a PromptClientError.
import { PromptClientError } from "./errors";
import { isRecord, parsePromptBody } from "./parse-prompt";
import type { FetchLike, Prompt, PromptSelector } from "./types";

export interface FetchPromptArgs {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  name: string;
  selector: PromptSelector;
  /** The ETag of the copy we hold; the studio answers 304 if it is still current. */
  etag: string | null;
}

export type FetchOutcome = { status: 200; prompt: Prompt; etag: string | null } | { status: 304 };

export async function fetchPrompt({ baseUrl, apiKey, fetch, timeoutMs, name, selector, etag }: FetchPromptArgs): Promise<FetchOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const transportError = (error: unknown) =>
    timedOut
      ? new PromptClientError("client:timeout", `The studio did not answer within ${timeoutMs} ms.`, { cause: error })
      : new PromptClientError("client:unreachable", `Could not reach the studio at ${baseUrl}: ${describe(error)}.`, { cause: error });

  try {
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}`, accept: "application/json" };
    if (etag) headers["if-none-match"] = etag;
    let response: Response;
    let text: string;
    try {
      response = await fetch(promptUrl({ baseUrl, name, selector }), { method: "GET", headers, signal: controller.signal });
      text = await response.text();
    } catch (error) {
      throw transportError(error);
    }

    if (response.status === 304) {
      if (!etag) throw new PromptClientError("client:invalid_response", "The studio answered 304 to a request that named no ETag.", { status: 304 });
      return { status: 304 };
    }
    if (!response.ok) throw errorFromResponse(response, text);

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new PromptClientError("client:invalid_response", "The studio's answer is not JSON.", { status: response.status, cause: error });
    }
    return { status: 200, prompt: parsePromptBody(body), etag: response.headers.get("etag") };
  } finally {
    clearTimeout(timer);
  }
}

/** `{baseUrl}/api/v1/prompts/{name}?label=…|version=…`, each segment of a `support/triage` name encoded on its own. */
export function promptUrl({ baseUrl, name, selector }: { baseUrl: string; name: string; selector: PromptSelector }): string {
  const path = name.split("/").map(encodeURIComponent).join("/");
  const query = selector.version !== undefined ? `version=${encodeURIComponent(String(selector.version))}` : `label=${encodeURIComponent(selector.label ?? "production")}`;
  return `${baseUrl.replace(/\/+$/, "")}/api/v1/prompts/${path}?${query}`;
}

// The contract's shape is { error: { code, message } }; the studio's older { error: message, code } is read too.
function errorFromResponse(response: Response, text: string): PromptClientError {
  const { status } = response;
  let code: string | null = null;
  let message: string | null = null;
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body)) {
      const error = body.error;
      if (isRecord(error)) {
        code = typeof error.code === "string" ? error.code : null;
        message = typeof error.message === "string" ? error.message : null;
      } else if (typeof error === "string") {
        code = typeof body.code === "string" ? body.code : null;
        message = error;
      }
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone has to do.
  }
  return new PromptClientError(code ?? "client:http_error", message ?? `The studio answered HTTP ${status}.`, {
    status,
    retryAfterMs: status === 429 ? retryAfterMs(response.headers.get("retry-after")) : null,
  });
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

// Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is in its cause.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (isRecord(cause) && typeof cause.code === "string") return `${error.message} (${cause.code})`;
  return error.message;
}
