// `npm run demo`: migrate, seed the Demo workspace (only on an empty database), build, and serve
// the production build on PORT (default 3000) with the custom server (server.ts, compiled). Works offline with the
// built-in demo model.
import { spawnSync } from "node:child_process";

const port = process.env.PORT || "3000";
const env = { ...process.env, STUDIO_DEMO: "1", PORT: port };

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npm", ["run", "--silent", "db:seed"]);
if (!process.argv.includes("--skip-build")) run("npm", ["run", "--silent", "build"]);
console.log(`\nPromptOps Studio: http://localhost:${port}  (sign in as admin@example.com / promptops-demo)\n`);
run(process.execPath, ["--enable-source-maps", "dist/server.js", "-p", port], { NODE_ENV: "production" });
