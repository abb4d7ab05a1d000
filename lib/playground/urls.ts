// URLs of the playground. Client-safe.

/** `/playground?prompt=support/triage`, optionally reopening a run: `&run=<id>`. */
export function playgroundHref({ prompt, run }: { prompt?: string; run?: string } = {}): string {
  const params = new URLSearchParams();
  if (prompt) params.set("prompt", prompt);
  if (run) params.set("run", run);
  const search = params.toString();
  return search ? `/playground?${search}` : "/playground";
}

/** A run id from a URL parameter, or null when it is not one (so a bad link opens a fresh playground). */
export function parseRunParam(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) ? text.toLowerCase() : null;
}
