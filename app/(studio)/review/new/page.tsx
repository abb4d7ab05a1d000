import type { Metadata } from "next";
import Link from "next/link";
import { NewQueueForm } from "@/components/review/new-queue-form";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { loadNewQueueOptions } from "@/lib/review/server";

export const metadata: Metadata = { title: "New review queue" };

export default async function NewQueuePage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const ctx = await requirePageAuth("review:manage");
  const { run } = await searchParams;
  const options = loadNewQueueOptions({ workspaceId: ctx.workspaceId });
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <header>
        <Link href="/review" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Review
        </Link>
        <h1 className="text-xl font-semibold">New review queue</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Pick the outputs to rate, how to rate them and who rates. Outputs are copied into the queue, so they read the same after their source changes, and
          none is added twice.
        </p>
      </header>
      <NewQueueForm options={options} {...(run && options.evalRuns.some((r) => r.id === run) ? { initialRunId: run } : {})} />
    </div>
  );
}
