import { describe, expect, it } from "vitest";
import { normaliseIp, parseTrustedProxies, proxyBlockList, resolveClientAddress } from "./trusted-proxies";

const trusting = (value: string) => proxyBlockList(parseTrustedProxies(value));

describe("client address behind trusted proxies", () => {
  it("uses the socket address when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    const trusted = trusting("10.0.0.1");
    expect(resolveClientAddress({ peer: "198.51.100.7", forwardedFor: "203.0.113.9", trusted })).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "198.51.100.7", forwardedFor: null, trusted: trusting("") })).toBe("198.51.100.7");
  });

  it("believes the hop a trusted proxy appended, not the ones the client sent before it", () => {
    const trusted = trusting("10.0.0.0/8");
    // The client sent "1.1.1.1, 2.2.2.2"; the proxy appended the address it saw.
    expect(resolveClientAddress({ peer: "10.0.0.1", forwardedFor: "1.1.1.1, 2.2.2.2, 203.0.113.9", trusted })).toBe("203.0.113.9");
  });

  it("walks through a chain of trusted proxies", () => {
    const trusted = trusting("10.0.0.1, 10.0.0.2");
    expect(resolveClientAddress({ peer: "10.0.0.1", forwardedFor: "9.9.9.9, 203.0.113.9, 10.0.0.2", trusted })).toBe("203.0.113.9");
  });

  it("stops at the last real proxy when a hop is not an address", () => {
    const trusted = trusting("10.0.0.1");
    expect(resolveClientAddress({ peer: "10.0.0.1", forwardedFor: "evil, not-an-ip", trusted })).toBe("10.0.0.1");
    expect(resolveClientAddress({ peer: "10.0.0.1", forwardedFor: "", trusted })).toBe("10.0.0.1");
  });

  it("treats IPv4-mapped IPv6 as IPv4 and matches IPv6 ranges", () => {
    expect(normaliseIp("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(normaliseIp("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseIp("1.2.3.4:5678")).toBeNull();
    const trusted = trusting("127.0.0.2, fd00::/8");
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "::ffff:203.0.113.9", trusted })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "fd00::5", forwardedFor: "2001:db8::9", trusted })).toBe("2001:db8::9");
  });
});
