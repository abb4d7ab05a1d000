import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  await requirePageAuth("prompts:read");
  return (
    <PlannedPage title="Review" emptyTitle="No review queues yet">
      Reviewers will rate model outputs here with a keyboard-first UI (thumbs, 1–5, rubrics, pairwise). Review queues are not built yet.
    </PlannedPage>
  );
}
