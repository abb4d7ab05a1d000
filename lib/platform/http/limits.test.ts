import path from "node:path";
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/platform/http/csp";
import { BODY_LIMITS } from "@/lib/core/limits";

const config = createRequire(import.meta.url)(path.join(REPO_ROOT, "next.config.js")) as {
  experimental: { serverActions: { bodySizeLimit: string } };
  headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
};

describe("body limits", () => {
  it("let a template at its 1 MiB limit through as a server action, whatever its characters", () => {
    // The worst case for JSON escaping: every character a control character, written \u00XX.
    const template = "\u0001".repeat(1_048_576);
    const input = { promptId: crypto.randomUUID(), body: { type: "text", template }, modelConfig: {}, commitMessage: "x".repeat(500), expectedParentVersion: 1 };
    expect(new TextEncoder().encode(JSON.stringify([input])).length).toBeLessThanOrEqual(BODY_LIMITS.promptContent);
  });

  it("are the limit Next gives server actions, so Next never meets a body the custom server let through", () => {
    expect(config.experimental.serverActions.bodySizeLimit).toBe(`${BODY_LIMITS.promptContent / 1024 / 1024}mb`);
  });

  it("match next.config.js's policy for API answers", async () => {
    const api = (await config.headers()).find((rule) => rule.source === "/api/:path*");
    expect(api?.headers).toContainEqual({ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY });
  });
});
