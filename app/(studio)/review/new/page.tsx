import type { Metadata } from "next";
import { NewQueueForm } from "@/components/review/new-queue-form";
import { SubpageHeader } from "@/components/ui/subpage-header";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { loadNewQueueOptions } from "@/lib/review/server";

export const metadata: Metadata = { title: "New review queue" };

export default async function NewQueuePage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const ctx = await requirePageAuth("review:manage");
  const { run } = await searchParams;
  const options = await loadNewQueueOptions({ workspaceId: ctx.workspaceId });
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <SubpageHeader back={{ href: "/review", label: "Review" }} title="New review queue">
        Pick the outputs to rate, how to rate them and who rates. Outputs are copied into the queue, so they read the same after their source changes, and
        none is added twice.
      </SubpageHeader>
      <NewQueueForm options={options} {...(run && options.evalRuns.some((r) => r.id === run) ? { initialRunId: run } : {})} />
    </div>
  );
}
