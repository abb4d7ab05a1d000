import { z } from "zod";
import type { ReviewSourceType } from "@/db/schema";
import type { DashboardFilters } from "@/lib/evals";

// The drill-down's own URL filters, on top of the dashboard's. Client-safe: the charts build their links with
// ratedItemsHref, and the page reads them back with the same schema.

const SOURCES = ["eval-result", "playground-run", "generation"] as const satisfies readonly ReviewSourceType[];
export const RATING_TYPES = ["thumbs", "scale", "rubric", "pairwise"] as const;

const optionalVersion = z.coerce.number().int().positive().max(1_000_000).optional().catch(undefined);

export const ratedItemsFiltersSchema = z.object({
  version: optionalVersion,
  /** Pairwise: the other version of the pair (either side). */
  versus: optionalVersion,
  criterion: z.string().min(1).max(40).optional().catch(undefined),
  queue: z.string().min(1).max(100).optional().catch(undefined),
  /** A UTC day, as the charts bucket ratings. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`))).optional().catch(undefined),
  scheme: z.enum(RATING_TYPES).optional().catch(undefined),
  source: z.enum(SOURCES).optional().catch(undefined),
  /** Keyset pagination: "<created_at ms>.<rating id>" of the last row shown. */
  cursor: z.string().regex(/^\d{1,15}\.[\w-]{1,64}$/).optional().catch(undefined),
});
export type RatedItemsFilters = z.infer<typeof ratedItemsFiltersSchema>;

/** The rated items page for the dashboard's filters plus a chart point's own (version, day, criterion…). */
export function ratedItemsHref(filters: DashboardFilters, extra: Partial<RatedItemsFilters> & { prompt?: string | null } = {}): string {
  const params = new URLSearchParams();
  const { prompt, ...rest } = extra;
  const entries: [string, string | number | null | undefined][] = [
    ["prompt", prompt === undefined ? filters.prompt : prompt],
    ["dataset", filters.dataset],
    ["environment", filters.environment],
    ["model", filters.model],
    ["range", filters.range],
    ...Object.entries(rest),
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  return `/dashboard/ratings?${params.toString()}`;
}

/** Epoch-millisecond bounds of a UTC day "YYYY-MM-DD". */
export function dayBounds(day: string): { start: number; end: number } {
  const start = Date.parse(`${day}T00:00:00Z`);
  return { start, end: start + 86_400_000 };
}

/** "YYYY-MM-DD" of a day index (epoch milliseconds divided by a day, as SQL buckets it). */
export function dayOf(dayIndex: number): string {
  return new Date(dayIndex * 86_400_000).toISOString().slice(0, 10);
}
