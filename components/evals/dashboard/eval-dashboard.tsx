import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { DashboardFilters, EvalDashboardData } from "@/lib/evals";
import { formatRate } from "../status-badge";
import { DashboardFiltersForm } from "./dashboard-filters";
import { CostLatencyChart, MeanScoreChart, PassRateChart } from "./trend-charts";

/** The eval half of a dashboard: filters, trend charts and what each environment serves. */
export function EvalDashboard({ data, filters, action, fixedPrompt = false }: { data: EvalDashboardData; filters: DashboardFilters; action: string; fixedPrompt?: boolean }) {
  return (
    <Section id="eval-dashboard-title" title="Evaluations" size="lg" className="gap-4">
      <DashboardFiltersForm action={action} filters={filters} options={data.options} fixedPrompt={fixedPrompt} />
      {data.points.length === 0 ? (
        <EmptyState title="No completed evaluations match">
          Widen the filters or the time range, or run an evaluation from the Evaluations page (or <code>npx promptops eval</code> in CI); its pass rate,
          scores, cost and latency appear here.
        </EmptyState>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          <div className="xl:col-span-2">
            <PassRateChart points={data.points} scorers={data.scorers} />
          </div>
          <MeanScoreChart points={data.points} scorers={data.scorers} />
          <CostLatencyChart points={data.points} />
        </div>
      )}
      <h3 className="text-base font-semibold">What each environment serves now</h3>
      {data.served.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing is deployed yet. Deploy a version from a prompt&apos;s Deployments tab.</p>
      ) : (
        <Table aria-label="Served quality">
          <TableHead columns={["Environment", "Prompt", "Version", "Pass rate", "Mean score", "Latest evaluation"]} />
          <tbody>
            {data.served.map((s) => (
              <tr key={`${s.environmentId}-${s.promptId}`}>
                <Td>{s.environmentName}</Td>
                <Td>{s.promptName}</Td>
                <Td>v{s.version}</Td>
                <Td className="tabular-nums">{formatRate(s.passRate)}</Td>
                <Td className="tabular-nums">{s.meanScore?.toFixed(2) ?? "—"}</Td>
                <Td>
                  {s.runId ? (
                    <Link href={`/evaluations/${s.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      on {s.datasetName}
                    </Link>
                  ) : (
                    <span className="text-zinc-500">not evaluated</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}
