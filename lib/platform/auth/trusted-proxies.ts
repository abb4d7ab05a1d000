import { BlockList, isIP } from "node:net";

// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For the studio believes, as comma-separated IPs or CIDRs
// ("10.0.0.5, 10.1.0.0/16, ::1"). Parsed by lib/platform/env.ts at start-up, so a typo stops the boot instead of silently
// trusting nobody (or everybody).

export interface ProxyRange {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/** A bare IP in the form sockets report it: IPv4-mapped IPv6 ("::ffff:1.2.3.4") becomes plain IPv4. */
export function normaliseIp(value: string | undefined | null): string | null {
  if (!value) return null;
  let ip = value.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  return isIP(ip) ? ip.toLowerCase() : null;
}

export function parseTrustedProxies(value: string | undefined): ProxyRange[] {
  if (!value?.trim()) return [];
  return value.split(",").map((raw) => {
    const entry = raw.trim();
    const [addressPart, prefixPart, extra] = entry.split("/");
    const address = normaliseIp(addressPart);
    if (!address || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    const max = family === "ipv4" ? 32 : 128;
    const prefix = prefixPart === undefined ? max : /^\d{1,3}$/.test(prefixPart) ? Number(prefixPart) : Number.NaN;
    if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${entry}" has a prefix length outside 0–${max}`);
    return { address, prefix, family };
  });
}

export function proxyBlockList(ranges: readonly ProxyRange[]): BlockList {
  const list = new BlockList();
  for (const { address, prefix, family } of ranges) list.addSubnet(address, prefix, family);
  return list;
}

export function isTrustedProxy(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client, walking X-Forwarded-For from the right: each hop appended by a trusted proxy is believed, and the first
 * address that is not a trusted proxy is the client. A peer that is not a trusted proxy is the client itself, whatever
 * headers it sent. A malformed hop stops the walk at the last proxy that is known to be real.
 */
export function resolveClientAddress({ peer, forwardedFor, trusted }: { peer: string; forwardedFor: string | null | undefined; trusted: BlockList }): string {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = peer;
  while (isTrustedProxy(trusted, client) && hops.length > 0) {
    const next = normaliseIp(hops.pop());
    if (!next) break;
    client = next;
  }
  return client;
}
