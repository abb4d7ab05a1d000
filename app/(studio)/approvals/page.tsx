import type { Metadata } from "next";
import { ApprovalCard } from "@/components/deployments/approval-card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { loadApprovalQueue } from "@/lib/releases/server";
import { formatUtc } from "@/lib/core/ui/format-time";

export const metadata: Metadata = { title: "Approvals" };

const statusTone = { approved: "success", rejected: "danger", withdrawn: "neutral", stale: "warning", pending: "info" } as const;

export default async function ApprovalsPage() {
  const ctx = await requirePageAuth("prompts:read");
  const { pending, decided } = await loadApprovalQueue({ workspaceId: ctx.workspaceId });
  const canDecide = can(ctx.role, "deployments:approve");

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-xl font-semibold">Approvals</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Promotions to protected environments wait here until a lead or admin other than the requester approves or rejects them.
        </p>
      </header>
      {pending.length === 0 ? (
        <EmptyState title="No pending approvals">
          Nothing is waiting. An editor requests a promotion from a prompt&apos;s Deployments tab with Promote; it appears here for review.
        </EmptyState>
      ) : (
        <section aria-label="Pending requests" className="flex flex-col gap-4">
          {pending.map((r) => (
            <ApprovalCard
              key={r.id}
              canDecide={canDecide}
              canOverride={canDecide && can(ctx.role, "settings:manage")}
              request={{
                id: r.id,
                promptName: r.promptName,
                environmentName: r.environmentName,
                version: r.version,
                servedVersion: r.servedVersion,
                stale: r.stale,
                requestedByLabel: r.requestedByLabel,
                comment: r.comment,
                createdAt: r.createdAt.toISOString(),
                candidate: r.candidate,
                candidateMessage: r.candidateMessage,
                candidateProvenance: r.candidateProvenance,
                served: r.served,
                gate: r.gate,
                gates: r.gates,
                gateBlocks: r.gateBlocks,
                lintReport: r.lintReport,
                evals: r.evals,
                mine: r.requestedById === ctx.user.id,
              }}
            />
          ))}
        </section>
      )}
      {decided.length > 0 && (
        <Section id="decided-heading" title="Recent decisions">
          <Table aria-label="Recent decisions" scrollerLabel="Recent decisions, scrollable">
            <TableHead columns={["Request", "Status", "Requested by", "Decided by", "Reason", "When"]} />
            <tbody>
              {decided.map((r) => (
                <tr key={r.id}>
                  <Td>
                    {r.promptName} v{r.version} → {r.environmentName}
                  </Td>
                  <Td>
                    <Badge tone={statusTone[r.status]}>{r.status}</Badge>
                  </Td>
                  <Td>{r.requestedByLabel}</Td>
                  <Td>{r.decidedByLabel ?? "—"}</Td>
                  <Td>
                    {/* A block with a width that wraps: a cell's own max-width does not stop a long reason widening the table. */}
                    <span className="block max-w-xs break-words">
                      {decisionText(r) || "—"}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">{r.decidedAt ? formatUtc(r.decidedAt.toISOString()) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
      )}
    </div>
  );
}

/** What the decisions table says about a decision: an admin's override of failed gates, or the decider's reason. */
function decisionText(r: { gateOverride: { failed: string[]; reason: string } | null; decisionReason: string | null }): string {
  return r.gateOverride ? `Gates overridden (${r.gateOverride.failed.join(", ")}): ${r.gateOverride.reason}` : (r.decisionReason ?? "");
}
