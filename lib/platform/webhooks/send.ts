import "server-only";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody } from "./signature";

export type SendResult = { statusCode: number; error: null; durationMs: number } | { statusCode: null; error: string; durationMs: number };

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "Connection refused",
  ECONNRESET: "Connection reset",
  ENOTFOUND: "Host not found",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "Host unreachable",
  ETIMEDOUT: "Connection timed out",
  UND_ERR_SOCKET: "Connection closed by the receiver",
  UND_ERR_HEADERS_TIMEOUT: "No response headers in time",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "Self-signed TLS certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted",
};

/** A short, safe account of why no response arrived: a code and a phrase, never a stack trace. */
export function describeSendError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Timed out after ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code) return `${NETWORK_ERRORS[code] ?? "Network error"} (${code})`;
  // The fetch standard blocks some ports (SMTP, IRC, X11…) outright.
  if (cause?.message === "bad port") return "This port is blocked for HTTP requests (bad port)";
  const message = error instanceof Error ? (typeof cause?.message === "string" ? cause.message : error.message) : String(error);
  return message.split("\n")[0]!.slice(0, 300) || "Request failed";
}

/**
 * One signed POST. Redirects are not followed (a 3xx counts as a failed attempt), so a receiver can't bounce the
 * signed body elsewhere; the response body is discarded unread.
 */
export async function postWebhook({
  url,
  body,
  secret,
  event,
  deliveryId,
  timestampSeconds,
  timeoutMs,
  fetchImpl = fetch,
}: {
  url: string;
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
  timestampSeconds: number;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const protocol = URL.canParse(url) ? new URL(url).protocol : null;
  if (protocol !== "http:" && protocol !== "https:") {
    return { statusCode: null, error: "Only http and https URLs can receive webhooks", durationMs: 0 };
  }
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "PromptOps-Studio-Webhooks",
        [EVENT_HEADER]: event,
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: signWebhookBody({ secret, body, timestamp: timestampSeconds }),
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    return { statusCode: response.status, error: null, durationMs: elapsed() };
  } catch (error) {
    return { statusCode: null, error: describeSendError(error, timeoutMs), durationMs: elapsed() };
  }
}
