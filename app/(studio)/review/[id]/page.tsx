import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { RatingScreen } from "@/components/review/rating-screen";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { orNotFound } from "@/lib/platform/http/page-data";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { SCHEME_LABELS } from "@/lib/review";
import { loadRatingPage } from "@/lib/review/server";

export const metadata: Metadata = { title: "Rate" };

/** The rating screen for a queue's assignees; those who only manage it are sent to its overview. */
export default async function RateQueuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ item?: string }> }) {
  const ctx = await requirePageAuth("review:rate");
  const { id } = await params;
  const { item } = await searchParams;
  const { access, session } = await orNotFound(() => loadRatingPage(userPrincipal(ctx), id));
  if (!session) {
    if (access.manage) redirect(`/review/${id}/overview`);
    forbidden();
  }
  const { queue } = session;
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <nav aria-label="Queue links" className="flex gap-4 text-sm">
          <Link href="/review" className="text-indigo-700 hover:underline dark:text-indigo-300">
            ← Review
          </Link>
          {access.manage && (
            <Link href={`/review/${id}/overview`} className="text-indigo-700 hover:underline dark:text-indigo-300">
              Overview
            </Link>
          )}
        </nav>
        <h1 className="text-xl font-semibold">{queue.name}</h1>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{SCHEME_LABELS[queue.scheme.type]}</p>
        {queue.instructions && (
          <details open className="text-sm">
            <summary className="cursor-pointer font-medium">Instructions</summary>
            <p className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{queue.instructions}</p>
          </details>
        )}
      </header>
      <RatingScreen session={session} userId={ctx.user.id} {...(item ? { startItemId: item } : {})} />
    </div>
  );
}
