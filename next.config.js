// @ts-check
const { version } = require("./package.json");
// monaco-editor's "exports" hide its package.json, so it is read as a file.
const { version: monacoVersion } = JSON.parse(require("node:fs").readFileSync(require("node:path").join(__dirname, "node_modules/monaco-editor/package.json"), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle; Next already lists better-sqlite3, the rest we name. prom-client is
  // external so the custom server and the bundle share one module, and so one metrics registry (lib/platform/metrics).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pino", "prom-client"],
  env: { STUDIO_VERSION: version, MONACO_VERSION: monacoVersion },
  poweredByHeader: false,
  // The build type-checks the app only: tests, e2e specs and scripts import dev dependencies (Vitest, Playwright,
  // autocannon) that a production install (`npm ci --omit=dev`) leaves out. `npm test` type-checks everything.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async headers() {
    // Baseline hardening for every response. Pages get their Content-Security-Policy, with a per-request nonce,
    // from proxy.ts (lib/platform/http/csp.ts); API answers get one that allows nothing. SECURITY.md lists them.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        // Monaco's files live under their version (scripts/copy-monaco.mjs), so a path's content never changes.
        source: "/monaco/:version/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
  experimental: {
    // Lets pages call forbidden() so a missing permission answers HTTP 403, not a redirect.
    authInterrupts: true,
    serverActions: {
      // BODY_LIMITS.promptContent (lib/core/limits.ts): a 1 MiB template, JSON-escaped, always fits. The custom
      // server refuses a larger action body with 413 before Next reads it; next-config.test.ts keeps the two equal.
      bodySizeLimit: "8mb",
    },
  },
};

module.exports = nextConfig;
