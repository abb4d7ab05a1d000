import { describe, expect, it, vi } from "vitest";

describe("clientAddress", () => {
  it("knows no address unless the studio's server stamped the socket address", async () => {
    vi.resetModules();
    const { clientAddress } = await import("./client-address");
    expect(clientAddress({ "x-promptops-peer-address": "198.51.100.7", "x-forwarded-for": "203.0.113.9" })).toBeNull();
  });

  it("reads the stamped socket address and ignores X-Forwarded-For from an untrusted peer", async () => {
    vi.resetModules();
    const { startPeerAddressStamping } = await import("./peer-address");
    const { clientAddress } = await import("./client-address");
    const stamp = startPeerAddressStamping();
    const request = { headers: { "x-promptops-peer-address": "6.6.6.6", "x-forwarded-for": "203.0.113.9" }, socket: { remoteAddress: "::ffff:198.51.100.7" } };
    stamp(request as never);
    expect(request.headers["x-promptops-peer-address"]).toBe("::ffff:198.51.100.7");
    expect(clientAddress(request.headers)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(request.headers))).toBe("198.51.100.7");
  });
});
