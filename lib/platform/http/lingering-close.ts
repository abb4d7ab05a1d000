import "server-only";
import type { Server } from "node:http";
import type { Socket } from "node:net";

/** How long a socket closed after an answer keeps taking (and discarding) what its client still sends. */
export const LINGER_MS = 2_000;

/**
 * Closes answered connections in stages (RFC 9112 §9.6). Node ends a `Connection: close` socket and destroys it as
 * soon as the answer is written. When the studio answers early, say 401 or 413 to a large upload, the client is
 * still sending; its next bytes meet a closed socket, the kernel answers with a reset, and the client reports
 * EPIPE or ECONNRESET instead of the answer that was already on its way. So the server half-closes (its answer and
 * FIN go out), keeps reading for up to LINGER_MS, which the HTTP parser discards as the unread body, and destroys the
 * socket then, or as soon as the client closes its side.
 */
export function closeConnectionsGently(server: Server, lingerMs = LINGER_MS): void {
  server.on("connection", (socket: Socket) => {
    socket.destroySoon = function lingeringClose(this: Socket) {
      if (this.destroyed) return;
      this.end();
      const timer = setTimeout(() => this.destroy(), lingerMs);
      timer.unref();
      this.once("close", () => clearTimeout(timer));
    };
  });
}
