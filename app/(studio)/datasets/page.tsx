import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  await requirePageAuth("prompts:read");
  return (
    <PlannedPage title="Datasets" emptyTitle="No datasets yet">
      Datasets of test cases (input variables and expected outputs) arrive with the evaluations capability, with CSV and JSONL import.
    </PlannedPage>
  );
}
