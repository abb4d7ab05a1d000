import type { IncomingMessage } from "node:http";

// A route handler under Next cannot see the socket a request came in on, and the X-Forwarded-For that Next fills in
// keeps any copy the client sent. So the studio's own server (server.ts), which sees every request before Next does,
// writes the socket address into a header of its own, replacing whatever the client put there. The header is only
// believed when that server is running in this process: under `next dev` nobody stamps it, so nobody can forge it.

export const PEER_ADDRESS_HEADER = "x-promptops-peer-address";

const STAMPING = Symbol.for("promptops.peer-address.stamping");
const flags = globalThis as unknown as { [STAMPING]?: boolean };

/** Called once by server.ts: from now on every request carries the socket address. Returns the per-request stamp. */
export function startPeerAddressStamping(): (request: IncomingMessage) => void {
  flags[STAMPING] = true;
  return (request) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  };
}

export function peerAddressIsStamped(): boolean {
  return flags[STAMPING] === true;
}
