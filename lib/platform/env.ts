import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { engineOf } from "@/db/engine";
import { databaseUrlSchema } from "@/db/database-url";
import { parseTrustedProxies } from "./auth/trusted-proxies";

// Validated once at start-up (instrumentation.ts) and read through getEnv() everywhere else,
// so a bad variable fails the boot with a message naming it rather than a request later.

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrlSchema,
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STUDIO_ENCRYPTION_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, "must be 32 bytes as 64 hex characters or 44 base64 characters")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Allows the demo seed on a production build (the README's first command sets it). */
  STUDIO_DEMO: booleanFlag,
  /** Delivery API requests per minute per key and server process; 0 (the default) turns the limit off. */
  STUDIO_API_RATE_LIMIT: z.coerce.number().int("must be a whole number").min(0, "must be 0 (off) or more").default(0),
  /** Reverse proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated); unset trusts none. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `must be comma-separated IP addresses or CIDR ranges: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  OPENAI_COMPATIBLE_BASE_URL: z.url().optional(),
  OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
  OPENAI_COMPATIBLE_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be lowercase letters, digits and dashes")
    .optional(),
  OPENAI_COMPATIBLE_LABEL: z.string().optional(),
  OPENAI_COMPATIBLE_MODELS: z.string().optional(),
  /** Whole-call budget of one model call (playground column, eval case), streaming included; 0 disables it. */
  /** Bearer token for GET /api/metrics (Prometheus); unset turns the endpoint off. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  MODEL_TIMEOUT_MS: z.coerce.number().int("must be a whole number of milliseconds").min(0).max(3_600_000).default(60_000),
  /** On SIGTERM/SIGINT, how long requests and playground streams in flight may still run (lib/platform/ops/shutdown.ts). */
  SHUTDOWN_GRACE_MS: z.coerce
    .number()
    .int("must be a whole number of milliseconds")
    .min(0, "must be 0 (no grace) or more")
    .max(600_000, "must be at most 600000 (10 minutes)")
    .default(30_000),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string; STUDIO_ENCRYPTION_KEY: string };

export class EnvError extends Error {
  constructor(issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  // Empty strings count as unset: `FOO= npm start` should mean "use the default".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return result.data;
}

interface GeneratedSecrets {
  authSecret: string;
  encryptionKey: string;
}

/**
 * A self-hosted studio must start with no configuration, so missing secrets are generated once and kept
 * beside the database (mode 0600). Operators who set the variables never touch this file.
 */
function loadOrCreateSecrets(databasePath: string): GeneratedSecrets {
  const dir = path.dirname(path.resolve(databasePath));
  const file = path.join(dir, "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as GeneratedSecrets;
  const secrets: GeneratedSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("hex"),
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch (error) {
    // Another process created it first; theirs wins so every process agrees.
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as GeneratedSecrets;
    throw new EnvError([
      `AUTH_SECRET, STUDIO_ENCRYPTION_KEY: unset, and ${file} cannot be created to keep generated ones (${(error as Error).message}). ` +
        "Set both variables, or make the database's folder writable.",
    ]);
  }
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const needsGenerated = !parsed.AUTH_SECRET || !parsed.STUDIO_ENCRYPTION_KEY;
  // On Postgres there is no file to keep them beside, and the processes sharing the database must share them too
  // (a session signed by one is checked by another), so they are required.
  if (needsGenerated && engineOf(parsed.DATABASE_URL) === "postgres") {
    throw new EnvError(["AUTH_SECRET, STUDIO_ENCRYPTION_KEY: required with a Postgres DATABASE_URL, the same in every studio process."]);
  }
  const generated = needsGenerated ? loadOrCreateSecrets(parsed.DATABASE_URL) : undefined;
  cached = {
    ...parsed,
    AUTH_SECRET: parsed.AUTH_SECRET ?? generated!.authSecret,
    STUDIO_ENCRYPTION_KEY: parsed.STUDIO_ENCRYPTION_KEY ?? generated!.encryptionKey,
  };
  return cached;
}
