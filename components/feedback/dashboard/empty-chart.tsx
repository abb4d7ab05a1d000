import { EmptyState } from "@/components/ui/empty-state";

// What each empty feedback chart says to do. The chart's figure stays, so it is found by name either way.

export const EMPTY = {
  ratings: {
    title: "No ratings match",
    body: "Create a review queue on the Review page from eval results, playground runs or generations, and rate its items; averages and distributions per version appear here. Widening the filters or the time range may also help.",
  },
  rubric: {
    title: "No rubric ratings match",
    body: "Create a review queue on the Review page with a rubric (criteria such as accuracy or tone) and rate its items; each criterion becomes a series here.",
  },
  pairwise: {
    title: "No pairwise ratings match",
    body: "Create a pairwise review queue on the Review page from an evaluation of two versions and pick the better output of each pair; win rates per version pair appear here.",
  },
  endUser: {
    title: "No generations match",
    body: "Report generations and feedback with POST /api/v1/generations and /api/v1/feedback from your application (with the environment it fetched the prompt from); the share with feedback and its mean score per environment appear here.",
  },
  agreement: {
    title: "No judged ratings match",
    body: "Run an evaluation with an LLM judge scorer (llm-rubric), then create a review queue on the Review page from its results and rate them; how often people and the judge agree appears here.",
  },
} as const;

export function EmptyChart({ kind }: { kind: keyof typeof EMPTY }) {
  return <EmptyState title={EMPTY[kind].title}>{EMPTY[kind].body}</EmptyState>;
}
