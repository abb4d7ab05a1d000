import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from "./signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ event: "deployment.changed", deliveryId: "d1", data: { toVersion: 3 } });
const nowSeconds = Math.floor(Date.now() / 1000);

describe("webhook signatures", () => {
  it("verifies a body signed with the same secret", () => {
    const header = signWebhookBody({ secret, body, timestamp: nowSeconds });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, header, body, toleranceSeconds: 300 })).toBe(true);
  });

  it("signs the timestamp with the body, as HMAC-SHA256 over '<t>.<body>'", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", secret).update(`${nowSeconds}.${body}`).digest("hex");
    expect(signWebhookBody({ secret, body, timestamp: nowSeconds })).toBe(`t=${nowSeconds},v1=${expected}`);
  });

  it("refuses a tampered body", () => {
    const header = signWebhookBody({ secret, body, timestamp: nowSeconds });
    expect(verifyWebhookSignature({ secret, header, body: body.replace("3", "4"), toleranceSeconds: 300 })).toBe(false);
  });

  it("refuses a changed timestamp, which would otherwise let an old request be replayed", () => {
    const header = signWebhookBody({ secret, body, timestamp: nowSeconds });
    const moved = header.replace(`t=${nowSeconds}`, `t=${nowSeconds + 1}`);
    expect(verifyWebhookSignature({ secret, header: moved, body, toleranceSeconds: 300 })).toBe(false);
  });

  it("refuses a signature older than the tolerance", () => {
    const header = signWebhookBody({ secret, body, timestamp: nowSeconds - 301 });
    expect(verifyWebhookSignature({ secret, header, body, toleranceSeconds: 300 })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, toleranceSeconds: 600 })).toBe(true);
  });

  it("refuses another secret, a missing header and malformed headers", () => {
    const header = signWebhookBody({ secret, body, timestamp: nowSeconds });
    expect(verifyWebhookSignature({ secret: "whsec_other", header, body, toleranceSeconds: 300 })).toBe(false);
    for (const bad of [null, "", "v1=abc", `t=${nowSeconds}`, `t=${nowSeconds},v1=zz`, `t=soon,v1=${"0".repeat(64)}`]) {
      expect(verifyWebhookSignature({ secret, header: bad, body, toleranceSeconds: 300 })).toBe(false);
    }
  });

  it("accepts any one of several v1 signatures, so a receiver can rotate secrets", () => {
    const good = signWebhookBody({ secret, body, timestamp: nowSeconds });
    const header = `t=${nowSeconds},v1=${"0".repeat(64)},${good.split(",")[1]}`;
    expect(verifyWebhookSignature({ secret, header, body, toleranceSeconds: 300 })).toBe(true);
  });

  it("generates distinct secrets with the whsec_ prefix", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
