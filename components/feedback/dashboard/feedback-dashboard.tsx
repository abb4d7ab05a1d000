import Link from "next/link";
import { Section } from "@/components/ui/section";
import type { DashboardFilters } from "@/lib/evals";
import { type FeedbackDashboardData, ratedItemsHref } from "@/lib/feedback";
import { HumanJudgeAgreementChart } from "./agreement-chart";
import { EndUserFeedbackChart } from "./end-user-feedback-chart";
import { PairwiseWinRatesChart } from "./pairwise-chart";
import { AverageRatingByVersionChart, AverageRatingOverTimeChart, RatingDistributionChart } from "./rating-charts";
import { RubricCriteriaChart, RubricCriteriaOverTimeChart } from "./rubric-charts";

/** The human half of a dashboard: reviewers' ratings, end-user feedback and how people compare with the judge. */
export function FeedbackDashboard({ data, filters }: { data: FeedbackDashboardData; filters: DashboardFilters }) {
  return (
    <Section
      id="feedback-dashboard-title"
      title="Human feedback"
      size="lg"
      align="baseline"
      className="gap-4"
      actions={
        <Link href={ratedItemsHref(filters)} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          All rated items
        </Link>
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Reviewers&apos; ratings from review queues and end-user feedback reported by your applications, with the filters above.
        {filters.dataset ? " With a dataset chosen, only ratings of eval results on that dataset count; end-user feedback is not about a dataset and ignores it." : ""}
      </p>
      <div className="grid gap-4 xl:grid-cols-2">
        <AverageRatingByVersionChart data={data.byVersion} filters={filters} />
        <AverageRatingOverTimeChart data={data.byDay} filters={filters} />
        <RatingDistributionChart data={data.distribution} filters={filters} />
        <PairwiseWinRatesChart data={data.pairwise} filters={filters} />
        <RubricCriteriaChart rubric={data.rubric} filters={filters} />
        <RubricCriteriaOverTimeChart rubric={data.rubric} filters={filters} />
        <EndUserFeedbackChart data={data.environments} />
        <HumanJudgeAgreementChart data={data.agreement} filters={filters} />
      </div>
    </Section>
  );
}
