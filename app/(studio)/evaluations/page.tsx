import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Evaluations" };

export default async function EvaluationsPage() {
  await requirePageAuth("prompts:read");
  return (
    <PlannedPage title="Evaluations" emptyTitle="No evaluations yet">
      Eval runs score a prompt version over a dataset with scorers such as exact match, regex, JSON Schema and LLM-as-judge. They are not built yet.
    </PlannedPage>
  );
}
