import "server-only";
import type { BlockList } from "node:net";
import { getEnv } from "@/lib/platform/env";
import { PEER_ADDRESS_HEADER, peerAddressIsStamped } from "./peer-address";
import { normaliseIp, proxyBlockList, resolveClientAddress, type ProxyRange } from "./trusted-proxies";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

let trusted: { ranges: readonly ProxyRange[]; list: BlockList } | undefined;

function trustedProxies(): BlockList {
  const ranges = getEnv().TRUSTED_PROXIES;
  if (trusted?.ranges !== ranges) trusted = { ranges, list: proxyBlockList(ranges) };
  return trusted.list;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The address a request came from: the socket's, or, when the socket is a proxy named in TRUSTED_PROXIES, the
 * client that proxy reports in X-Forwarded-For. Null when the socket address is unknown (not run by server.ts).
 */
export function clientAddress(headers: HeaderSource): string | null {
  if (!peerAddressIsStamped()) return null;
  const peer = normaliseIp(header(headers, PEER_ADDRESS_HEADER));
  if (!peer) return null;
  return resolveClientAddress({ peer, forwardedFor: header(headers, "x-forwarded-for"), trusted: trustedProxies() });
}
