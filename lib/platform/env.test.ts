import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("applies defaults for a bare environment", () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_URL: "./data/studio.db", LOG_LEVEL: "info", STUDIO_DEMO: false, STUDIO_API_RATE_LIMIT: 0 });
  });

  it("strips a file: prefix from DATABASE_URL and treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "file:/tmp/x.db", LOG_LEVEL: "" })).toMatchObject({ DATABASE_URL: "/tmp/x.db", LOG_LEVEL: "info" });
  });

  it("names every bad variable in one message", () => {
    try {
      parseEnv({ LOG_LEVEL: "loud", STUDIO_ENCRYPTION_KEY: "too-short", OPENAI_BASE_URL: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/LOG_LEVEL/);
      expect(message).toMatch(/STUDIO_ENCRYPTION_KEY: must be 32 bytes/);
      expect(message).toMatch(/OPENAI_BASE_URL/);
    }
  });

  it("defaults the model timeout to a minute and refuses a value that is not a duration", () => {
    expect(parseEnv({}).MODEL_TIMEOUT_MS).toBe(60_000);
    expect(parseEnv({ MODEL_TIMEOUT_MS: "1500" }).MODEL_TIMEOUT_MS).toBe(1500);
    expect(() => parseEnv({ MODEL_TIMEOUT_MS: "soon" })).toThrow(/MODEL_TIMEOUT_MS/);
    expect(() => parseEnv({ MODEL_TIMEOUT_MS: "-5" })).toThrow(/MODEL_TIMEOUT_MS/);
  });

  it("reads TRUSTED_PROXIES as IPs and CIDR ranges, trusts nobody when unset, and refuses anything else", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16,::1, ::ffff:192.0.2.1" }).TRUSTED_PROXIES).toEqual([
      { address: "10.0.0.5", prefix: 32, family: "ipv4" },
      { address: "10.1.0.0", prefix: 16, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
      { address: "192.0.2.1", prefix: 32, family: "ipv4" },
    ]);
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/", "10.0.0.0/8/8", "10.0.0.1,,10.0.0.2", "*"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES: must be comma-separated IP addresses or CIDR ranges/);
    }
  });

  it("defaults the shutdown grace period to 30 s and refuses a negative, fractional or huge one", () => {
    expect(parseEnv({}).SHUTDOWN_GRACE_MS).toBe(30_000);
    expect(parseEnv({ SHUTDOWN_GRACE_MS: "0" }).SHUTDOWN_GRACE_MS).toBe(0);
    expect(parseEnv({ SHUTDOWN_GRACE_MS: "2500" }).SHUTDOWN_GRACE_MS).toBe(2500);
    for (const bad of ["-1", "1.5", "later", "600001"]) expect(() => parseEnv({ SHUTDOWN_GRACE_MS: bad })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});

describe("secrets with a Postgres database", () => {
  it("are required, since no file beside the database can keep generated ones; none is written anywhere", async () => {
    const saved = { ...process.env };
    const cwd = process.cwd();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-env-"));
    try {
      process.chdir(dir);
      vi.resetModules();
      process.env.DATABASE_URL = "postgres://studio@127.0.0.1:1/studio";
      delete process.env.AUTH_SECRET;
      delete process.env.STUDIO_ENCRYPTION_KEY;
      const { getEnv } = await import("./env");
      expect(() => getEnv()).toThrow(/AUTH_SECRET, STUDIO_ENCRYPTION_KEY: required with a Postgres DATABASE_URL/);
      expect(fs.readdirSync(dir)).toEqual([]);
      process.env.AUTH_SECRET = "a".repeat(32);
      process.env.STUDIO_ENCRYPTION_KEY = "0".repeat(64);
      vi.resetModules();
      expect((await import("./env")).getEnv()).toMatchObject({ AUTH_SECRET: "a".repeat(32), DATABASE_URL: "postgres://studio@127.0.0.1:1/studio" });
    } finally {
      process.chdir(cwd);
      process.env = saved;
      vi.resetModules();
    }
  });
});
