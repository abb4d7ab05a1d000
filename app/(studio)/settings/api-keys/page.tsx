import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";
import { listApiKeys } from "@/lib/platform/api-keys/queries";
import { requirePageAuth } from "@/lib/platform/auth/context";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await requirePageAuth("apikeys:manage");
  const keys = await listApiKeys({ workspaceId: ctx.workspaceId });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-start justify-between gap-4">
        <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Applications fetch the version an environment serves with <code>GET /api/v1/prompts/&#123;name&#125;?label=production</code> and{" "}
          <code>Authorization: Bearer &lt;key&gt;</code>. A read key only reads; a read-write key can also add versions and request
          promotions, never approve them. The API is described at <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
        <CreateApiKeyDialog />
      </div>
      <ApiKeysTable
        keys={keys.map((k) => ({
          id: k.id,
          name: k.name,
          scope: k.scope,
          prefix: k.prefix,
          createdBy: k.createdByName ?? "unknown",
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
