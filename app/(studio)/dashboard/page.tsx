import type { Metadata } from "next";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { dashboardFiltersSchema } from "@/lib/evals";
import { DashboardSections } from "./_sections/dashboard-sections";
import { listLatestRedTeamRuns } from "@/lib/evals/server";
import { RedTeamCard } from "@/components/evals/dashboard/red-team-card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageAuth("dashboards:read");
  const filters = dashboardFiltersSchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const principal = userPrincipal(ctx);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-xl font-semibold">Dashboard</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Quality over time: evaluation pass rates and scores per version, their cost and latency, and what each environment serves; then human
          feedback on the same versions: reviewers&apos; ratings, end-user feedback per environment, and how often people agree with the LLM judge.
        </p>
      </header>
      <DashboardSections principal={principal} filters={filters} action="/dashboard" />
      <RedTeamCard runs={await listLatestRedTeamRuns(principal)} />
    </div>
  );
}
