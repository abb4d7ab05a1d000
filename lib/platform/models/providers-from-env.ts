// Which providers a deployment has, derived from its environment. Pure so it is trivially testable;
// the caller passes process.env.

import { OFFLINE_MODEL_LABEL } from "./offline-model";
import type { ProviderConfig } from "./types";

type Env = Record<string, string | undefined>;

export function providersFromEnv(env: Env): ProviderConfig[] {
  const providers: ProviderConfig[] = [{ id: "offline", kind: "offline", label: OFFLINE_MODEL_LABEL }];

  const openaiKey = read(env, "OPENAI_API_KEY");
  if (openaiKey) {
    providers.push({
      id: "openai",
      kind: "openai",
      label: "OpenAI",
      apiKey: openaiKey,
      ...optional("baseUrl", read(env, "OPENAI_BASE_URL")),
    });
  }

  const anthropicKey = read(env, "ANTHROPIC_API_KEY");
  if (anthropicKey) {
    providers.push({
      id: "anthropic",
      kind: "anthropic",
      label: "Anthropic",
      apiKey: anthropicKey,
      ...optional("baseUrl", read(env, "ANTHROPIC_BASE_URL")),
    });
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
