import type { Metadata } from "next";
import Link from "next/link";
import { NewEvaluationForm } from "@/components/evals/new-evaluation-form";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { loadNewEvaluationOptions } from "@/lib/evals/server";

export const metadata: Metadata = { title: "New evaluation" };

export default async function NewEvaluationPage({ searchParams }: { searchParams: Promise<{ prompt?: string }> }) {
  const ctx = await requirePageAuth("evals:run");
  const { prompt } = await searchParams;
  const options = loadNewEvaluationOptions({ workspaceId: ctx.workspaceId });
  const initialPromptId = options.prompts.find((p) => p.name === prompt || p.id === prompt)?.id;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <Link href="/evaluations" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Evaluations
        </Link>
        <h1 className="text-xl font-semibold">New evaluation</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Every chosen version runs on every case of the dataset; each reply is scored by the scorers below and by the case&apos;s own assertions.
        </p>
      </header>
      <NewEvaluationForm options={options} {...(initialPromptId ? { initialPromptId } : {})} />
    </div>
  );
}
