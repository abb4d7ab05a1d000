"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/lib/platform/api-keys/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableHead, Td } from "@/components/ui/table";
import { formatUtc } from "@/lib/core/ui/format-time";

export interface ApiKeyView {
  id: string;
  name: string;
  scope: "read" | "read-write";
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiKeysTable({ keys }: { keys: ApiKeyView[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  if (keys.length === 0) {
    return <EmptyState title="No API keys yet">Create a key for each application that fetches prompts from this workspace.</EmptyState>;
  }

  function revoke(key: ApiKeyView) {
    if (!window.confirm(`Revoke "${key.name}"? Applications using it get 401 from the next request.`)) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction({ apiKeyId: key.id });
      if (result.ok) toast.success(`Revoked "${key.name}"`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  return (
    <Table aria-label="API keys">
      <TableHead columns={["Name", "Key", "Scope", "Created", "Last used"]} actions />
      <tbody>
        {keys.map((k) => (
          <tr key={k.id}>
            <Td className="font-medium">{k.name}</Td>
            <Td className="font-mono text-xs">{k.prefix}…</Td>
            <Td>
              <Badge tone={k.scope === "read" ? "neutral" : "info"}>{k.scope}</Badge>
            </Td>
            <Td className="whitespace-nowrap">
              {formatUtc(k.createdAt)} · {k.createdBy}
            </Td>
            <Td className="whitespace-nowrap">{k.lastUsedAt ? formatUtc(k.lastUsedAt) : "never"}</Td>
            <Td className="text-right">
              {k.revokedAt ? (
                <Badge tone="danger">revoked {formatUtc(k.revokedAt)}</Badge>
              ) : (
                <Button size="sm" variant="danger" busy={pending} aria-label={`Revoke ${k.name}`} onClick={() => revoke(k)}>
                  Revoke
                </Button>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
