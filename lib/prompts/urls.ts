// Shareable URLs of the prompt pages. Client-safe.

export interface PromptListQuery {
  q?: string;
  folder?: string;
  tag?: string;
  archived?: boolean;
  page?: number;
}

export function promptListHref(query: PromptListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.folder) params.set("folder", query.folder);
  if (query.tag) params.set("tag", query.tag);
  if (query.archived) params.set("archived", "1");
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/prompts?${search}` : "/prompts";
}

export type PromptTab = "editor" | "history" | "deployments" | "playground" | "evaluations" | "optimize";

/**
 * `/prompts/support/triage?tab=history&compare=1..3`: folders stay readable path segments. `version` opens one
 * version on its own in the History tab (`?tab=history&version=2`).
 */
export function promptHref(name: string, options: { tab?: PromptTab; compare?: [number, number]; version?: number } = {}): string {
  const path = `/prompts/${name.split("/").map(encodeURIComponent).join("/")}`;
  const params = new URLSearchParams();
  if (options.tab && options.tab !== "editor") params.set("tab", options.tab);
  if (options.compare) params.set("compare", `${options.compare[0]}..${options.compare[1]}`);
  if (options.version) params.set("version", String(options.version));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function parseCompare(value: string | undefined): [number, number] | null {
  const match = /^(\d+)\.\.(\d+)$/.exec(value ?? "");
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a > 0 && b > 0 && a !== b ? [Math.min(a, b), Math.max(a, b)] : null;
}

/** A version number from the URL, or null for anything that is not a positive integer of sane size. */
export function parseVersionParam(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}
