"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { deleteProviderAction, testProviderAction } from "@/lib/platform/providers/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { ProviderView } from "@/lib/platform/providers/resolve-providers";

export function ProvidersTable({ providers }: { providers: ProviderView[] }) {
  const [pending, startTransition] = useTransition();

  function test(providerId: string) {
    startTransition(async () => {
      const result = await testProviderAction({ providerId });
      if (!result.ok) toast.error(result.error);
      else if (result.data.ok) toast.success(`${result.data.modelId} answered in ${result.data.latencyMs} ms`);
      else toast.error(result.data.error);
    });
  }

  function remove(rowId: string, label: string) {
    startTransition(async () => {
      const result = await deleteProviderAction({ id: rowId });
      if (result.ok) toast.success(`Removed ${label}`);
      else toast.error(result.error);
    });
  }

  return (
    <Table aria-label="Model providers">
      <TableHead columns={["Provider", "Model id prefix", "Source", "Key", "Actions"]} />
      <tbody>
        {providers.map((p) => (
          <tr key={p.id}>
            <Td>
              <span className="font-medium">{p.label}</span>
              {p.baseUrl && <span className="block text-xs text-zinc-500">{p.baseUrl}</span>}
              {p.models.length > 0 && <span className="block text-xs text-zinc-500">Models: {p.models.join(", ")}</span>}
            </Td>
            <Td>
              <code className="text-xs">{p.id}:</code>
            </Td>
            <Td>
              <Badge tone={p.source === "workspace" ? "info" : "neutral"}>{p.source}</Badge>
            </Td>
            <Td className="font-mono text-xs">{p.keyHint ?? "none"}</Td>
            <Td className="flex gap-2">
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => test(p.id)} aria-label={`Test ${p.label}`}>
                Test
              </Button>
              {p.rowId && (
                <Button size="sm" variant="danger" disabled={pending} onClick={() => remove(p.rowId!, p.label)} aria-label={`Remove ${p.label}`}>
                  Remove
                </Button>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
