"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { withdrawPromotionAction } from "@/lib/releases/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { formatUtc } from "@/lib/core/ui/format-time";
import { DeploymentHistory } from "./deployment-history";
import { PromoteDialog } from "./promote-dialog";
import { RollbackDialog } from "./rollback-dialog";
import type { DeploymentView, EnvironmentView, RequestView } from "./types";

/** The prompt's Deployments tab: what each environment serves, pending requests, and the full history. */
export function DeploymentsPanel({
  promptId,
  versions,
  environments,
  pending,
  history,
  can,
}: {
  promptId: string;
  versions: number[];
  environments: EnvironmentView[];
  pending: RequestView[];
  history: DeploymentView[];
  can: { deploy: boolean; request: boolean; rollback: boolean };
}) {
  const router = useRouter();
  const [promoting, setPromoting] = useState<string | null>(null);
  const [rollingBack, setRollingBack] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const rollingBackEnvironment = environments.find((e) => e.id === rollingBack);

  if (versions.length === 0) {
    return <EmptyState title="Nothing to deploy yet">Save a first version in the Editor tab; then promote it to an environment here.</EmptyState>;
  }

  function withdraw(request: RequestView) {
    startTransition(async () => {
      const result = await withdrawPromotionAction({ requestId: request.id });
      if (result.ok) toast.success(`Withdrew the request for v${request.version}`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <Section id="environments-heading" title="Environments" actions={can.request && <Button onClick={() => setPromoting("")}>Promote</Button>}>
        <Table aria-label="Environments">
          <TableHead columns={["Environment", "Serves", "Last change"]} actions />
          <tbody>
            {environments.map((e) => (
              <tr key={e.id}>
                <Td>
                  <span className="font-medium">{e.name}</span> {e.isProtected && <Badge tone="warning">protected</Badge>}
                </Td>
                <Td>{e.version ? <span className="font-mono">v{e.version}</span> : <span className="text-zinc-500">nothing</span>}</Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{e.updatedAt ? `${formatUtc(e.updatedAt)} · ${e.updatedBy}` : "—"}</Td>
                <Td className="text-right">
                  {can.rollback && e.rollback && (
                    <Button size="sm" variant="secondary" aria-label={`Roll back ${e.name} to v${e.rollback.version}`} onClick={() => setRollingBack(e.id)}>
                      Roll back
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      {pending.length > 0 && (
        <Section id="pending-heading" title="Pending promotions">
          <ul className="flex flex-col gap-2">
            {pending.map((r) => (
              <li key={r.id} className="flex items-center justify-between rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                <span>
                  v{r.version} → {r.environmentName}, requested by {r.requestedByLabel} · awaiting a lead
                  {r.comment && <span className="text-zinc-500"> · “{r.comment}”</span>}
                </span>
                {r.mine && (
                  <Button size="sm" variant="secondary" busy={busy} aria-label={`Withdraw the request for v${r.version} to ${r.environmentName}`} onClick={() => withdraw(r)}>
                    Withdraw
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="history-heading" title="History">
        <DeploymentHistory rows={history} />
      </Section>

      {rollingBackEnvironment?.rollback && (
        <RollbackDialog
          promptId={promptId}
          environment={rollingBackEnvironment}
          rollback={rollingBackEnvironment.rollback}
          onClose={() => setRollingBack(null)}
        />
      )}

      {promoting !== null && (
        <PromoteDialog
          open
          onClose={() => setPromoting(null)}
          promptId={promptId}
          versions={versions}
          environments={environments}
          canDeploy={can.deploy}
        />
      )}
    </div>
  );
}
