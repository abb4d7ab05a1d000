// npm test needs a Chromium for Playwright. Playwright's own download cannot work offline, so use Debian's:
// install it when we are root on Debian, otherwise say exactly what is missing.
import fs from "node:fs";
import { spawnSync } from "node:child_process";

const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (candidates.some((p) => fs.existsSync(p))) process.exit(0);

if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
  console.log("Chromium not found: installing Debian's chromium package…");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
  if (install && install.status === 0) process.exit(0);
}
console.error(
  "Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.",
);
process.exit(1);
