// The production server (`npm start` runs it compiled as dist/server.js, scripts/build-server.mjs): Next's request
// handler behind a node:http server that answers GET /api/v1/prompts/{name} itself, before Next's routing, with the
// same lib/ code as the route handler. See
// "Delivery API and custom server" in ARCHITECTURE.md for why. Options: -p/--port (else PORT, else 3000) and
// -H/--hostname (default: every interface), as `next start` takes them.
import http from "node:http";
import Module, { createRequire } from "node:module";
import path from "node:path";

// NODE_ENV must be known before Next or React load; this server is for production builds unless told otherwise.
const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ??= "production";

/**
 * lib/ modules start with `import "server-only"`, whose default export throws: only the react-server condition
 * (Next's server bundles) resolves it to an empty module. This process also loads lib/ directly, for the fast
 * path, so it registers the package as that empty module in the require cache before anything imports lib/.
 * Running the whole process with --conditions=react-server instead would hand Next's page rendering the
 * react-server builds of React, which cannot render pages.
 */
function allowServerOnlyImports() {
  const require = createRequire(__filename);
  const id = require.resolve("server-only");
  const empty = new Module(id);
  empty.filename = id;
  empty.loaded = true;
  require.cache[id] = empty;
}

function option(short: string, long: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === short || arg === long);
  if (index !== -1) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${long}=`))?.slice(long.length + 1);
}

async function main() {
  allowServerOnlyImports();
  const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
  const hostname = option("-H", "--hostname");
  const dev = env.NODE_ENV === "development";

  const [{ default: next }, { createDeliveryFastPath }, { recordHttp, routePattern }, { answerClientError, guardRequest }, { closeConnectionsGently }] = await Promise.all([
    import("next"),
    import("./lib/api/fast-path"),
    import("./lib/platform/metrics/registry"),
    import("./lib/platform/http/node-guard"),
    import("./lib/platform/http/lingering-close"),
  ]);
  // The app's folder: this file's, or its parent when this is the compiled dist/server.js.
  const dir = path.extname(__filename) === ".js" ? path.dirname(__dirname) : __dirname;
  const app = next({ dev, port, hostname: hostname ?? "localhost", dir });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Next's route handlers count themselves (lib/platform/http/route.ts); the delivery API's answers are counted here,
  // under the same route labels.
  const deliver = createDeliveryFastPath(undefined, (rawPath, method, status, seconds) => recordHttp(routePattern(rawPath), method, status, seconds));
  // Route handlers learn the socket address only from this header, which replaces any copy the client sent.
  const { startPeerAddressStamping } = await import("./lib/platform/auth/peer-address");
  const stampPeerAddress = startPeerAddressStamping();

  const server = http.createServer((request, response) => {
    stampPeerAddress(request);
    // The delivery API's GETs first, as the hot path they are; its other requests after the guard, which answers a
    // malformed path before anything reads a key or a body.
    if (request.method === "GET" && deliver(request, response)) return;
    // Malformed paths, stray page POSTs and bad server-action requests are answered here (lib/platform/http/node-guard.ts).
    guardRequest(request, response, () => {
      if (!deliver(request, response)) void handle(request, response);
    });
  });
  server.on("clientError", answerClientError);
  // An early 401 or 413 to an upload reaches its client instead of a reset (lib/platform/http/lingering-close.ts).
  closeConnectionsGently(server);
  // Node closes idle keep-alive sockets after 5 s; a client (or proxy) that reuses one just then gets ECONNRESET.
  // Clients and load balancers commonly keep sockets for 60 s, so the server keeps them a little longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
  }
  server.listen(port, hostname, () => {
    console.log(`PromptOps Studio listening on http://${hostname ?? "localhost"}:${port} (${dev ? "development" : "production"})`);
  });

  // SIGTERM/SIGINT: stop the workers, let requests finish for SHUTDOWN_GRACE_MS, then close (lib/platform/ops/shutdown.ts).
  const { exitGracefullyOnSignals } = await import("./lib/platform/ops/shutdown");
  exitGracefullyOnSignals(server);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
