// `npm run build`'s second step: compiles server.ts, with the lib/ modules it loads itself (the delivery fast path,
// the node guard, metrics, shutdown), into dist/server.js, so `npm start` runs plain Node and a production install
// needs no TypeScript runner. Packages stay outside the bundle as require()s: Next, better-sqlite3 (native), and
// prom-client, whose one registry the server shares with Next's bundle (lib/platform/metrics).
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log("Compiled server.ts to dist/server.js");
