// Reading a JSON response: models often wrap JSON in a Markdown code fence, so one surrounding fence is ignored.
// Client-safe, so the browser pretty-prints with the same rule the server validates with.

const FENCE = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i;

export type ParsedJsonOutput = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonOutput(text: string): ParsedJsonOutput {
  const body = FENCE.exec(text)?.[1] ?? text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "Not valid JSON." };
  }
}
