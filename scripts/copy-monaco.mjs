// Serves Monaco from the app itself: copies node_modules/monaco-editor/min/vs to public/monaco/vs so the
// editor never reaches for a CDN. Runs as `postinstall`; skips the copy when a stamp file shows the same
// monaco-editor version is already in place. No network, no dependencies beyond Node.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "node_modules", "monaco-editor");
const source = path.join(pkgDir, "min", "vs");
const targetRoot = path.join(root, "public", "monaco");
const target = path.join(targetRoot, "vs");
const stampFile = path.join(targetRoot, ".monaco-version");

function readVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

const version = readVersion();
if (!version || !fs.existsSync(source)) {
  // Not fatal: e.g. `npm install --omit=dev` in a context that never shows an editor.
  console.warn("[copy-monaco] monaco-editor is not installed; skipping copy to public/monaco/vs.");
  process.exit(0);
}

const force = process.argv.includes("--force");
const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8").trim() : "";
if (!force && stamp === version && fs.existsSync(path.join(target, "loader.js"))) {
  console.log(`[copy-monaco] public/monaco/vs already holds monaco-editor ${version}; nothing to do.`);
  process.exit(0);
}

const started = Date.now();
// Remove the old copy first so files of a previous version (content-hashed names) don't linger.
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(targetRoot, { recursive: true });
fs.cpSync(source, target, { recursive: true });
fs.writeFileSync(stampFile, `${version}\n`);
console.log(`[copy-monaco] copied monaco-editor ${version} to public/monaco/vs in ${Date.now() - started} ms.`);
