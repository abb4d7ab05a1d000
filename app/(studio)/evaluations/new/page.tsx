import type { Metadata } from "next";
import { NewEvaluationForm } from "@/components/evals/new-evaluation-form";
import { SubpageHeader } from "@/components/ui/subpage-header";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { loadNewEvaluationOptions } from "@/lib/evals/server";

export const metadata: Metadata = { title: "New evaluation" };

export default async function NewEvaluationPage({ searchParams }: { searchParams: Promise<{ prompt?: string }> }) {
  const ctx = await requirePageAuth("evals:run");
  const { prompt } = await searchParams;
  const options = await loadNewEvaluationOptions({ workspaceId: ctx.workspaceId });
  const initialPromptId = options.prompts.find((p) => p.name === prompt || p.id === prompt)?.id;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <SubpageHeader back={{ href: "/evaluations", label: "Evaluations" }} title="New evaluation">
        Every chosen version runs on every case of the dataset; each reply is scored by the scorers below and by the case&apos;s own assertions.
      </SubpageHeader>
      <NewEvaluationForm options={options} {...(initialPromptId ? { initialPromptId } : {})} />
    </div>
  );
}
