import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// One Prometheus registry per process. The custom server (server.ts, the delivery fast path) and Next's server
// bundle both load lib/, so the metrics live on globalThis: whichever loads first creates them, the other reuses
// them, and a scrape sees every request whichever path answered it.

export interface StudioMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  modelCalls: Counter<"provider" | "outcome">;
  modelTokens: Counter<"provider" | "direction">;
  modelCost: Counter<"provider">;
  dashboardSection: Histogram<"section" | "source">;
  guardBlocks: Counter<"rule" | "action" | "surface">;
}

const globalForMetrics = globalThis as unknown as { studioMetrics?: StudioMetrics };

/** Gauges read from the database at scrape time are registered by lib/platform/metrics/db-gauges.ts. */
function create(): StudioMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "promptops_" });
  return {
    registry,
    httpRequests: new Counter({ name: "promptops_http_requests_total", help: "API requests answered, by route pattern, method and status class.", labelNames: ["route", "method", "status"], registers: [registry] }),
    httpDuration: new Histogram({
      name: "promptops_http_request_duration_seconds",
      help: "API request handling time, by route pattern and method.",
      labelNames: ["route", "method"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    modelCalls: new Counter({ name: "promptops_model_calls_total", help: "Model calls (playground, evaluations, judges), by provider and outcome.", labelNames: ["provider", "outcome"], registers: [registry] }),
    modelTokens: new Counter({ name: "promptops_model_tokens_total", help: "Tokens sent and received, by provider and direction.", labelNames: ["provider", "direction"], registers: [registry] }),
    modelCost: new Counter({ name: "promptops_model_cost_usd_total", help: "Estimated model spend in USD (models with a known price).", labelNames: ["provider"], registers: [registry] }),
    dashboardSection: new Histogram({
      name: "promptops_dashboard_section_seconds",
      help: "Time to read a dashboard section's data (every query of it, in parallel), by section and by source: rollups, or raw rows while a backfill runs.",
      labelNames: ["section", "source"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    guardBlocks: new Counter({
      name: "promptops_guard_blocks_total",
      help: "Inputs refused and outputs masked by prompt versions' guard policies, by rule, action (blocked, masked) and surface (render, generation).",
      labelNames: ["rule", "action", "surface"],
      registers: [registry],
    }),
  };
}

export function getMetrics(): StudioMetrics {
  return (globalForMetrics.studioMetrics ??= create());
}

// Labels for the same route repeat on every request; caching the child objects keeps the hot path to two
// increments and no label hashing.
const children = new Map<string, { count: ReturnType<StudioMetrics["httpRequests"]["labels"]>; time: ReturnType<StudioMetrics["httpDuration"]["labels"]> }>();

export function recordHttp(route: string, method: string, status: number, seconds: number): void {
  const statusClass = `${Math.floor(status / 100)}xx`;
  const key = `${method} ${route} ${statusClass}`;
  let child = children.get(key);
  if (!child) {
    const metrics = getMetrics();
    child = { count: metrics.httpRequests.labels(route, method, statusClass), time: metrics.httpDuration.labels(route, method) };
    children.set(key, child);
  }
  child.count.inc();
  child.time.observe(seconds);
}

/** Bounds label cardinality: ids and prompt names in paths become placeholders. */
export function routePattern(pathname: string): string {
  if (pathname.startsWith("/api/v1/prompts/")) return "/api/v1/prompts/{name}";
  return pathname
    .split("/")
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) || /^[0-9a-f]{16,}$/i.test(segment) || /^\d+$/.test(segment) ? "{id}" : segment))
    .join("/");
}

export function recordModelCall(modelId: string, outcome: "ok" | "error" | "cancelled", usage: { inputTokens: number; outputTokens: number; costUsd: number | null } | null): void {
  const metrics = getMetrics();
  const provider = modelId.split(":")[0] || "unknown";
  metrics.modelCalls.labels(provider, outcome).inc();
  if (!usage) return;
  metrics.modelTokens.labels(provider, "input").inc(usage.inputTokens);
  metrics.modelTokens.labels(provider, "output").inc(usage.outputTokens);
  if (usage.costUsd) metrics.modelCost.labels(provider).inc(usage.costUsd);
}

/** Times a dashboard section's data load and records it under its section and source ("rollups" or "raw"). */
export async function timeDashboardSection<T>(section: string, source: "rollups" | "raw", load: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await load();
  } finally {
    getMetrics().dashboardSection.labels(section, source).observe((performance.now() - started) / 1000);
  }
}

/** One guard policy decision (lib/serving/manage-guard-counts.ts stores the same per prompt version and day). */
export function recordGuardBlock(rule: string, action: "blocked" | "masked", surface: "render" | "generation"): void {
  getMetrics().guardBlocks.labels(rule, action, surface).inc();
}
