// The client: an in-memory cache per (name, label|version) served stale-while-revalidate, one request in flight
// per key, and a fallback only when the studio gives no usable answer (see PromptClientError#unavailable).
import { PromptClientError } from "./errors";
import { fetchPrompt, type FetchOutcome } from "./fetch-prompt";
import { fallbackToPrompt } from "./parse-prompt";
import { renderPrompt } from "./render";
import type {
  FetchLike,
  GetPromptOptions,
  GetPromptResult,
  Prompt,
  PromptClientEvent,
  PromptClientOptions,
  PromptSelector,
  RenderOptions,
  RenderResult,
} from "./types";

export interface PromptClient {
  getPrompt(name: string, options?: GetPromptOptions): Promise<GetPromptResult>;
  render(name: string, variables: Record<string, unknown>, options?: RenderOptions): Promise<RenderResult>;
  /** Resolves once no request is in flight, background revalidations included (for tests and graceful shutdown). */
  settled(): Promise<void>;
}

interface CacheEntry {
  prompt: Prompt;
  etag: string | null;
  fetchedAt: number;
  freshUntil: number;
}

interface Backoff {
  error: PromptClientError;
  until: number;
}

export function createPromptClient(options: PromptClientOptions): PromptClient {
  const { baseUrl, apiKey, ttlMs = 60_000, timeoutMs = 5_000, retryDelayMs = 5_000, now = Date.now, onEvent } = options;
  if (!baseUrl) throw new TypeError("createPromptClient: baseUrl is required.");
  if (!apiKey) throw new TypeError("createPromptClient: apiKey is required.");
  // Looked up at call time, so a fetch patched after the client was created (by a tracer, say) is used.
  const fetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const cache = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<CacheEntry>>();
  const backoff = new Map<string, Backoff>();

  const emit = (event: PromptClientEvent) => {
    try {
      onEvent?.(event);
    } catch {
      // An observer's bug must not break prompt delivery.
    }
  };

  function request(args: { key: string; name: string; selector: Selected; held: CacheEntry | null }): Promise<CacheEntry> {
    const running = inflight.get(args.key);
    if (running) return running;
    const promise = load(args).finally(() => inflight.delete(args.key));
    inflight.set(args.key, promise);
    return promise;
  }

  async function load({ key, name, selector, held }: { key: string; name: string; selector: Selected; held: CacheEntry | null }): Promise<CacheEntry> {
    const started = now();
    const event = { name, selector: selector.text, background: held !== null };
    let outcome: FetchOutcome;
    try {
      outcome = await fetchPrompt({ baseUrl, apiKey, fetch, timeoutMs, name, selector, etag: held?.etag ?? null });
    } catch (thrown) {
      const error = asClientError(thrown);
      emit({ type: "fetch_failed", ...event, error, durationMs: now() - started });
      if (error.unavailable) backoff.set(key, { error, until: now() + (error.retryAfterMs ?? retryDelayMs) });
      // The studio's definite answer (key revoked, prompt or label gone) ends serving the old copy.
      else cache.delete(key);
      throw error;
    }
    const at = now();
    // A 304 only answers a request that sent an ETag, and only a held entry has one.
    const kept = outcome.status === 200 ? { prompt: outcome.prompt, etag: outcome.etag } : held;
    if (!kept) throw new PromptClientError("client:invalid_response", "The studio answered 304 to a request that named no ETag.", { status: 304 });
    const entry: CacheEntry = { prompt: kept.prompt, etag: kept.etag, fetchedAt: at, freshUntil: at + ttlMs };
    cache.set(key, entry);
    backoff.delete(key);
    emit({ type: "fetched", ...event, status: outcome.status, durationMs: at - started });
    return entry;
  }

  async function getPrompt(name: string, options: GetPromptOptions = {}): Promise<GetPromptResult> {
    const selector = select(options);
    const key = `${name}\n${selector.text}`;
    const at = now();
    const entry = cache.get(key);
    if (entry) {
      const fresh = at < entry.freshUntil;
      if (!fresh && !inBackoff(key, at)) request({ key, name, selector, held: entry }).catch(() => undefined); // reported by the fetch_failed event
      emit({ type: "cache_hit", name, selector: selector.text, source: fresh ? "cache" : "stale", ageMs: at - entry.fetchedAt });
      return { prompt: entry.prompt, source: fresh ? "cache" : "stale" };
    }

    try {
      const failure = backoff.get(key);
      if (failure && at < failure.until) throw failure.error;
      const fetched = await request({ key, name, selector, held: null });
      return { prompt: fetched.prompt, source: "network" };
    } catch (thrown) {
      const error = asClientError(thrown);
      if (!options.fallback || !error.unavailable) throw error;
      emit({ type: "fallback_used", name, selector: selector.text, error });
      return { prompt: fallbackToPrompt({ name, fallback: options.fallback }), source: "fallback", error };
    }
  }

  function inBackoff(key: string, at: number): boolean {
    const failure = backoff.get(key);
    return failure !== undefined && at < failure.until;
  }

  return {
    getPrompt,
    async render(name, variables, { lenient, ...options } = {}) {
      const { prompt, source, error } = await getPrompt(name, options);
      const rendered = renderPrompt({ prompt, variables, lenient });
      return { ...rendered, name: prompt.name, version: prompt.version, modelConfig: prompt.modelConfig, source, ...(error ? { error } : {}) };
    },
    async settled() {
      while (inflight.size > 0) await Promise.allSettled([...inflight.values()]);
    },
  };
}

interface Selected extends PromptSelector {
  /** "label:production" or "version:3": part of the cache key and of every event. */
  text: string;
}

function select({ label, version }: PromptSelector): Selected {
  if (label !== undefined && version !== undefined) throw invalidRequest("Give either a label or a version, not both.");
  if (version !== undefined) {
    if (!Number.isInteger(version) || version < 1) throw invalidRequest(`The version must be a positive integer, not ${String(version)}.`);
    return { version, text: `version:${version}` };
  }
  if (label !== undefined && label.trim() === "") throw invalidRequest("The label must not be empty.");
  const chosen = label ?? "production";
  return { label: chosen, text: `label:${chosen}` };
}

function invalidRequest(message: string): PromptClientError {
  return new PromptClientError("client:invalid_request", message);
}

function asClientError(thrown: unknown): PromptClientError {
  if (thrown instanceof PromptClientError) return thrown;
  return new PromptClientError("client:invalid_response", `Unexpected failure: ${thrown instanceof Error ? thrown.message : String(thrown)}`, { cause: thrown });
}
