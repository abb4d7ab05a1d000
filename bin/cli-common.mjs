// What every `promptops` command shares: argument checks, where the studio is and with which key, and the HTTP call
// that turns the API's errors into one-line messages. Plain Node ESM, no dependencies.

/** A failure the user can act on: printed as its message alone, exit code 2. */
export class CliError extends Error {}

export function integer(value, name, { min, max }) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** The studio URL and API key from the flags, else PROMPTOPS_URL and PROMPTOPS_API_KEY. */
export function connection(values) {
  const apiKey = values["api-key"] ?? process.env.PROMPTOPS_API_KEY;
  if (!apiKey) throw new CliError("No API key: pass --api-key or set PROMPTOPS_API_KEY (create one in Settings → API keys).");
  const url = (values.url ?? process.env.PROMPTOPS_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  try {
    new URL(url);
  } catch {
    throw new CliError(`--url "${url}" is not a URL.`);
  }
  return { url, apiKey };
}

/** One call of /api/v1; `writes` says what a read key cannot do, for the 403 hint. */
export async function api(options, method, path, body, { writes = "start evaluations" } = {}) {
  let response;
  try {
    response = await fetch(`${options.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${options.apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CliError(`Cannot reach the studio at ${options.url}: ${error?.cause?.code ?? error?.cause?.message ?? error?.message ?? error}`);
  }
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new CliError(`${method} ${path}: the studio answered HTTP ${response.status} with a body that is not JSON. Is --url the studio?`);
  }
  if (!response.ok) {
    const message = data?.error?.message ?? `HTTP ${response.status}`;
    const hint = response.status === 401 ? " Check the API key." : response.status === 403 ? ` The key needs the read-write scope to ${writes}.` : "";
    throw new CliError(`${message} (HTTP ${response.status}).${hint}`);
  }
  return data;
}

export const pct = (rate) => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`);
export const usd = (v) => (v === null || v === undefined ? "unknown" : `$${v.toFixed(v >= 0.01 ? 2 : 6)}`);

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => String(cell).padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}
