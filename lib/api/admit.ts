import "server-only";
import { authenticateApiKey } from "@/lib/platform/api-keys/authenticate";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { readDeliveryEpoch } from "@/lib/serving/server";
import type { DeliveryState } from "./state";

/**
 * The start of every authenticated delivery request: bring the cache to the current epoch (so a revoked key or a
 * moved environment is seen at once, whichever process changed it), authenticate the key, apply its rate limit.
 */
export function admitApiKey(state: DeliveryState, authorization: string | null | undefined): ApiKeyPrincipal {
  state.cache.sync(readDeliveryEpoch());
  const now = Date.now();
  const principal = authenticateApiKey(authorization, { now, cache: state.cache });
  const wait = state.limiter?.take(principal.apiKey.id, now) ?? 0;
  if (wait > 0) {
    throw new AppError("rate_limited:apikey", `Too many requests with this API key. Retry in ${wait} s.`, { details: { retryAfterSeconds: wait } });
  }
  return principal;
}
