import "server-only";
import { authenticateApiKey, cachedApiKeyPrincipal } from "@/lib/platform/api-keys/authenticate";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { readDeliveryEpoch } from "@/lib/serving/server";
import type { DeliveryState } from "./state";

// The start of every authenticated delivery request: bring the cache to the current epoch (so a revoked key or a
// moved environment is seen at once, whichever process changed it), authenticate the key, apply its rate limit.
// In two steps, so that a key the cache holds is admitted without waiting on anything: the hot path answers a
// cached prompt in the same turn of the event loop.

/** Admits a key the cache holds; undefined when the database must be asked (then admitUncachedApiKey). */
export function admitCachedApiKey(state: DeliveryState, authorization: string | null | undefined): ApiKeyPrincipal | undefined {
  const epoch = readDeliveryEpoch();
  state.cache.sync(epoch);
  state.lists.sync(epoch);
  const now = Date.now();
  const principal = cachedApiKeyPrincipal(authorization, { now, cache: state.cache });
  return principal && limited(state, principal, now);
}

/** Admits a key that admitCachedApiKey could not: read from the database, or its use recorded. */
export async function admitUncachedApiKey(state: DeliveryState, authorization: string | null | undefined): Promise<ApiKeyPrincipal> {
  const now = Date.now();
  return limited(state, await authenticateApiKey(authorization, { now, cache: state.cache }), now);
}

function limited(state: DeliveryState, principal: ApiKeyPrincipal, now: number): ApiKeyPrincipal {
  const wait = state.limiter?.take(principal.apiKey.id, now) ?? 0;
  if (wait > 0) {
    throw new AppError("rate_limited:apikey", `Too many requests with this API key. Retry in ${wait} s.`, { details: { retryAfterSeconds: wait } });
  }
  return principal;
}
