import type { Metadata } from "next";
import Link from "next/link";
import { RatedItemsFilters } from "@/components/feedback/dashboard/rated-items-filters-form";
import { RatedItemsTable } from "@/components/feedback/dashboard/rated-items-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { dashboardFiltersSchema } from "@/lib/evals";
import { loadRatedItems } from "@/lib/feedback/server";
import { ratedItemsFiltersSchema, ratedItemsHref } from "@/lib/feedback";

export const metadata: Metadata = { title: "Rated items" };

export default async function RatedItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageAuth("dashboards:read");
  const query = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filters = dashboardFiltersSchema.parse(query);
  const drill = ratedItemsFiltersSchema.parse(query);
  const { items, nextCursor, queues, promptName } = await loadRatedItems(userPrincipal(ctx), { ...filters, ...drill });
  const dashboard = `/dashboard?${new URLSearchParams(Object.entries({ ...filters }).filter((e): e is [string, string] => typeof e[1] === "string")).toString()}`;
  const { cursor: _cursor, ...withoutCursor } = drill;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <Link href={dashboard} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Back to the dashboard
        </Link>
        <h1 className="text-xl font-semibold">Rated items</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The reviewers&apos; ratings behind the dashboard&apos;s human feedback charts, newest first
          {promptName ? ` for ${promptName}` : ""}
          {drill.version ? `, v${drill.version}${drill.versus ? ` vs v${drill.versus}` : ""}` : ""}
          {drill.criterion ? `, rated on "${drill.criterion}"` : ""}
          {drill.day ? `, on ${drill.day} (UTC)` : ""}
          {drill.scheme ? `, ${drill.scheme} ratings` : ""}
          {drill.source ? `, of ${drill.source.replace("-", " ")}s` : ""}
          {filters.range === "all" ? "" : `, in the last ${filters.range.replace("d", " days")}`}.
        </p>
      </header>
      <RatedItemsFilters filters={filters} drill={withoutCursor} queues={queues} />
      {items.length === 0 ? (
        <EmptyState title="No rated items match">
          Widen the filters or the time range, or create a review queue on the Review page and rate its items; every rating appears here.
        </EmptyState>
      ) : (
        <RatedItemsTable items={items} />
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {drill.cursor && (
          <Link href={ratedItemsHref(filters, withoutCursor)} className="text-indigo-700 hover:underline dark:text-indigo-300">
            First page
          </Link>
        )}
        {nextCursor && (
          <Link href={ratedItemsHref(filters, { ...withoutCursor, cursor: nextCursor })} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
