import { z } from "zod";

// Dashboard filters live in the URL (shareable, back button works); the same schema reads them on the server.

export const RANGES = { "7d": 7, "30d": 30, "90d": 90, all: null } as const;
export type RangeKey = keyof typeof RANGES;

export const dashboardFiltersSchema = z.object({
  prompt: z.string().max(200).optional().catch(undefined),
  dataset: z.string().max(100).optional().catch(undefined),
  environment: z.string().max(100).optional().catch(undefined),
  model: z.string().max(200).optional().catch(undefined),
  range: z.enum(Object.keys(RANGES) as [RangeKey, ...RangeKey[]]).default("30d").catch("30d"),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** Epoch milliseconds the range starts at, or null for all time. */
export function rangeStart(range: RangeKey, now = Date.now()): number | null {
  const days = RANGES[range];
  return days === null ? null : now - days * 24 * 60 * 60 * 1000;
}
