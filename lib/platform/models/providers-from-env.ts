// Which providers a deployment has, derived from its environment. Pure so it is trivially testable;
// the caller passes process.env.

import { OFFLINE_MODEL_LABEL } from "./offline-model";
import type { ProviderConfig } from "./types";

type Env = Record<string, string | undefined>;

/** Providers a key turns on: `<prefix>_API_KEY`, and `<prefix>_BASE_URL` for a proxy or gateway in front of them. */
const KEYED_PROVIDERS = [
  { id: "openai", label: "OpenAI", prefix: "OPENAI" },
  { id: "anthropic", label: "Anthropic", prefix: "ANTHROPIC" },
] as const;

export function providersFromEnv(env: Env): ProviderConfig[] {
  const providers: ProviderConfig[] = [{ id: "offline", kind: "offline", label: OFFLINE_MODEL_LABEL }];

  for (const { id, label, prefix } of KEYED_PROVIDERS) {
    const apiKey = read(env, `${prefix}_API_KEY`);
    if (apiKey) providers.push({ id, kind: id, label, apiKey, ...optional("baseUrl", read(env, `${prefix}_BASE_URL`)) });
  }

  const compatBaseUrl = read(env, "OPENAI_COMPATIBLE_BASE_URL");
  if (compatBaseUrl) {
    providers.push({
      id: read(env, "OPENAI_COMPATIBLE_ID") ?? "compat",
      kind: "openai-compatible",
      label: read(env, "OPENAI_COMPATIBLE_LABEL") ?? "OpenAI-compatible",
      baseUrl: compatBaseUrl,
      models: (read(env, "OPENAI_COMPATIBLE_MODELS") ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
      ...optional("apiKey", read(env, "OPENAI_COMPATIBLE_API_KEY")),
    });
  }

  return providers;
}

// Blank values count as unset: `OPENAI_API_KEY=` in a .env file should not enable OpenAI.
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

// Omit absent keys instead of writing `key: undefined` (exactOptionalPropertyTypes-friendly).
function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
