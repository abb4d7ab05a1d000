import "server-only";
import type { DbOrTx } from "@/db";
import { transaction } from "@/db/transaction";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { findLiveApiKeyByHash, touchApiKey } from "./queries";
import { hashApiKeySecret, looksLikeApiKey } from "./secret";

// "Last used" is shown to admins at minute precision, so write it at most once a minute per key and
// process: a write per API request would serialise the hot path on SQLite's write lock.
const TOUCH_INTERVAL_MS = 60_000;
const lastTouched = new Map<string, number>();

export function bearerSecret(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

/** Remembers live keys by secret hash; the delivery API's cache, which forgets everything when a key is revoked. */
export interface ApiKeyPrincipalCache {
  getPrincipal(secretHash: string): ApiKeyPrincipal | undefined;
  /** Keeps a principal read when the delivery epoch was `epoch`; one read before a change the cache knows of is not kept. */
  setPrincipal(secretHash: string, principal: ApiKeyPrincipal, epoch: number): void;
  /** The delivery epoch as `tx` sees it: the key is read in the same snapshot, so it is cached under that epoch. */
  readEpochIn(tx: DbOrTx): Promise<number>;
}

/**
 * The key's principal, or 401 for a missing, malformed, unknown or revoked key (all answered alike), and for a key
 * whose owner can no longer use the workspace (account or membership disabled): a key never does more than its
 * owner can do now, and a disabled member can do nothing. It works again if the member is enabled again.
 */
export async function authenticateApiKey(
  authorization: string | null | undefined,
  { now = Date.now(), cache }: { now?: number; cache?: ApiKeyPrincipalCache } = {},
): Promise<ApiKeyPrincipal> {
  const secret = bearerSecret(authorization);
  if (!secret || !looksLikeApiKey(secret)) {
    throw new AppError("unauthorized:apikey", "Send a valid API key as 'Authorization: Bearer <key>'.");
  }
  const secretHash = hashApiKeySecret(secret);
  let principal = cache?.getPrincipal(secretHash);
  if (!principal) {
    // Unknown keys are never cached: creating a key does not invalidate caches, so a miss must ask the database.
    // Resolved keys are cached until the delivery epoch moves, which a change of the owner's role or access does too.
    // Read with the epoch, in one snapshot: on Postgres a revocation may commit (and this process learn of it)
    // while the read is on its way, and a key read before it must not be cached after it as if it were current.
    const read = await transaction(
      async (tx) => ({ epoch: cache ? await cache.readEpochIn(tx) : 0, principal: await resolveApiKey(tx, secretHash) }),
      { readOnly: true },
    );
    principal = read.principal;
    cache?.setPrincipal(secretHash, principal, read.epoch);
  }
  await noteApiKeyUse(principal.apiKey.id, now);
  return principal;
}

/**
 * authenticateApiKey without waiting, for the delivery API's hot path: the principal of a key `cache` holds, when
 * its use was recorded less than a minute ago (so there is nothing to write). Undefined otherwise, a malformed key
 * included: authenticateApiKey then answers, and refuses alike.
 */
export function cachedApiKeyPrincipal(authorization: string | null | undefined, { now = Date.now(), cache }: { now?: number; cache: ApiKeyPrincipalCache }): ApiKeyPrincipal | undefined {
  const secret = bearerSecret(authorization);
  if (!secret || !looksLikeApiKey(secret)) return undefined;
  const principal = cache.getPrincipal(hashApiKeySecret(secret));
  if (!principal || now - (lastTouched.get(principal.apiKey.id) ?? 0) >= TOUCH_INTERVAL_MS) return undefined;
  return principal;
}

async function resolveApiKey(tx: DbOrTx, secretHash: string): Promise<ApiKeyPrincipal> {
  const key = await findLiveApiKeyByHash(tx, { secretHash });
  if (!key) throw new AppError("unauthorized:apikey", "This API key is not valid or has been revoked.");
  const apiKey = { id: key.id, name: key.name, scope: key.scope };
  if (key.createdById === null) return { kind: "api-key", workspaceId: key.workspaceId, user: null, role: null, apiKey };
  const { owner, ownerMembership } = key;
  if (!owner || owner.disabledAt || !ownerMembership || ownerMembership.disabledAt) {
    throw new AppError("unauthorized:apikey", "This API key's owner no longer has access to the workspace, so the key does not work.");
  }
  return {
    kind: "api-key",
    workspaceId: key.workspaceId,
    user: { id: owner.id, email: owner.email, name: owner.name },
    role: ownerMembership.role,
    apiKey,
  };
}

/** Records a use of the key, throttled; cheap enough for every request. */
export async function noteApiKeyUse(apiKeyId: string, now = Date.now()): Promise<void> {
  const last = lastTouched.get(apiKeyId) ?? 0;
  if (now - last < TOUCH_INTERVAL_MS) return;
  lastTouched.set(apiKeyId, now);
  try {
    await transaction((tx) => touchApiKey(tx, { apiKeyId, at: new Date(now) }));
  } catch {
    // A busy database must not fail a read; the next minute's request records the use.
    lastTouched.delete(apiKeyId);
  }
}
