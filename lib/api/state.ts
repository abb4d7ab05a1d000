import "server-only";
import { getEnv } from "@/lib/platform/env";
import { DeliveryCache, type DeliveryCacheOptions } from "./cache";
import { KeyRateLimiter } from "./rate-limit";
import type { ResolvedPrompt } from "@/lib/serving";
import type { PreparedResponse } from "./serialize";
import type { ChatPlan, TemplatePlan } from "@/lib/core/templates";

/** A resolved prompt and its GET response, serialised once. */
export interface CachedPrompt {
  /** The prompt's id: what its guard policy's decisions are counted under (the wire shape has only its name). */
  promptId: string;
  prompt: ResolvedPrompt;
  response: PreparedResponse;
  /** Its templates checked and partials loaded, at its first render: later renders are synchronous. */
  plan?: RenderPlan;
}

export type RenderPlan = { kind: "chat"; chat: ChatPlan } | { kind: "text"; text: TemplatePlan };

export interface DeliveryState {
  cache: DeliveryCache<CachedPrompt>;
  /** GET /api/v1/prompts answers, under the same epoch as `cache` (admit.ts syncs both). */
  lists: DeliveryCache<PreparedResponse>;
  /** Null when rate limiting is off. */
  limiter: KeyRateLimiter | null;
}

type StateOptions = Omit<DeliveryCacheOptions<CachedPrompt>, "sizeOf"> & { rateLimitPerMinute?: number };

export function createDeliveryState({ rateLimitPerMinute = 0, ...cache }: StateOptions = {}): DeliveryState {
  return {
    cache: new DeliveryCache<CachedPrompt>({ ...cache, sizeOf: (entry) => entry.response.body.length }),
    // A page of the list is at most 200 prompts' summaries; a workspace has few distinct queries that repeat.
    lists: new DeliveryCache<PreparedResponse>({ maxEntries: 1_000, maxBytes: 32 * 1024 * 1024, sizeOf: (response) => response.body.length }),
    limiter: rateLimitPerMinute > 0 ? new KeyRateLimiter(rateLimitPerMinute) : null,
  };
}

// One state per process, on globalThis: the custom server's fast path and Next's bundled copy of this module
// then share one cache and one rate limit instead of keeping two.
const globalForDelivery = globalThis as unknown as { [key: symbol]: DeliveryState | undefined };
const STATE = Symbol.for("promptops.delivery.state");

export function getDeliveryState(): DeliveryState {
  return (globalForDelivery[STATE] ??= createDeliveryState({ rateLimitPerMinute: getEnv().STUDIO_API_RATE_LIMIT }));
}
