import "server-only";
import { getEnv } from "@/lib/platform/env";
import { decryptSecret, maskSecret } from "@/lib/platform/crypto/secret-box";
import { logger } from "@/lib/platform/logger";
import { providersFromEnv } from "@/lib/platform/models/providers-from-env";
import type { ProviderConfig } from "@/lib/platform/models/types";
import { listProviderRows } from "./queries";

export interface ProviderView {
  id: string;
  rowId: string | null;
  kind: ProviderConfig["kind"];
  label: string;
  baseUrl: string | null;
  models: string[];
  source: "built-in" | "environment" | "workspace";
  /** A masked hint of the key; the key itself never leaves the server. */
  keyHint: string | null;
}

function decryptRowKey(ciphertext: string | null, slug: string): string | undefined {
  if (!ciphertext) return undefined;
  try {
    return decryptSecret({ sealed: ciphertext, key: getEnv().STUDIO_ENCRYPTION_KEY });
  } catch {
    // A key sealed with another STUDIO_ENCRYPTION_KEY is unusable; say so in the log, treat it as unset.
    logger.warn({ provider: slug }, "stored provider key could not be decrypted");
    return undefined;
  }
}

/** The providers a workspace can call: built-in and environment ones, overridden by workspace settings of the same id. */
export async function resolveWorkspaceProviders({ workspaceId }: { workspaceId: string }): Promise<ProviderConfig[]> {
  const byId = new Map(providersFromEnv(process.env).map((p) => [p.id, p]));
  for (const row of await listProviderRows({ workspaceId })) {
    const apiKey = decryptRowKey(row.apiKeyCiphertext, row.slug);
    byId.set(row.slug, {
      id: row.slug,
      kind: row.kind,
      label: row.label,
      models: row.models,
      ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
      ...(apiKey ? { apiKey } : {}),
    });
  }
  return [...byId.values()];
}

/** What the settings page may show of each provider. */
export async function listProviderViews({ workspaceId }: { workspaceId: string }): Promise<ProviderView[]> {
  const rows = new Map((await listProviderRows({ workspaceId })).map((r) => [r.slug, r]));
  return (await resolveWorkspaceProviders({ workspaceId })).map((p) => {
    const row = rows.get(p.id);
    return {
      id: p.id,
      rowId: row?.id ?? null,
      kind: p.kind,
      label: p.label,
      baseUrl: p.baseUrl ?? null,
      models: p.models ?? [],
      source: row ? "workspace" : p.kind === "offline" ? "built-in" : "environment",
      keyHint: p.apiKey ? maskSecret(p.apiKey) : null,
    };
  });
}
