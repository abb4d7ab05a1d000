// A server that answers every request 401 with `Connection: close` before reading a byte of its body, as the studio
// answers an unknown caller's upload. Run in its own process by lingering-close.test.ts (a client in the same
// process shares its event loop and never sees the race). Prints its port; `plain` leaves Node's immediate close.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeConnectionsGently } from "@/lib/platform/http/lingering-close";

const server = http.createServer((_request, response) => {
  response.writeHead(401, { "content-type": "application/json", connection: "close", "content-length": "2" });
  response.end("{}");
});
if (process.argv[2] !== "plain") closeConnectionsGently(server, 1_000);
server.listen(0, "127.0.0.1", () => console.log(`port ${(server.address() as AddressInfo).port}`));
