// @ts-check
const { version } = require("./package.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle; Next already lists better-sqlite3, the rest we name.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pino"],
  env: { STUDIO_VERSION: version },
  poweredByHeader: false,
  experimental: {
    // Lets pages call forbidden() so a missing permission answers HTTP 403, not a redirect.
    authInterrupts: true,
  },
};

module.exports = nextConfig;
