import { Suspense } from "react";
import { EvalDashboard } from "@/components/evals/dashboard/eval-dashboard";
import { FeedbackDashboard } from "@/components/feedback/dashboard/feedback-dashboard";
import type { Principal } from "@/lib/platform/auth/principal";
import type { DashboardFilters } from "@/lib/evals";
import { loadEvalDashboard } from "@/lib/evals/server";
import { loadFeedbackDashboard, loadFeedbackFilterOptions, mergeFilterOptions } from "@/lib/feedback/server";

// The dashboard's two halves, each loaded on its own and streamed as soon as it is ready (React Suspense): the eval
// charts and filters do not wait for the feedback queries, nor these for those. The dashboard page and a prompt's
// Evaluations tab show both. Each loader records its time in /api/metrics (promptops_dashboard_section_seconds).

interface SectionProps {
  principal: Principal;
  filters: DashboardFilters;
}

async function EvalSection({ principal, filters, action, fixedPrompt }: SectionProps & { action: string; fixedPrompt?: boolean }) {
  const [evals, feedbackOptions] = await Promise.all([loadEvalDashboard(principal, filters), loadFeedbackFilterOptions(principal)]);
  return <EvalDashboard data={{ ...evals, options: mergeFilterOptions(evals.options, feedbackOptions) }} filters={filters} action={action} fixedPrompt={fixedPrompt} />;
}

async function FeedbackSection({ principal, filters }: SectionProps) {
  return <FeedbackDashboard data={await loadFeedbackDashboard(principal, filters)} filters={filters} />;
}

/** What a section shows while its data loads: its title and a pulsing placeholder the size of a chart row. */
function SectionLoading({ title }: { title: string }) {
  return (
    <section aria-busy="true" aria-label={`${title}, loading`} className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading {title.toLowerCase()}…
      </p>
      <div className="h-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
    </section>
  );
}

export function DashboardSections({ principal, filters, action, fixedPrompt }: SectionProps & { action: string; fixedPrompt?: boolean }) {
  return (
    <>
      <Suspense fallback={<SectionLoading title="Evaluations" />}>
        <EvalSection principal={principal} filters={filters} action={action} fixedPrompt={fixedPrompt} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Human feedback" />}>
        <FeedbackSection principal={principal} filters={filters} />
      </Suspense>
    </>
  );
}
