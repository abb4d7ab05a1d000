// Serves Monaco from the app itself: copies node_modules/monaco-editor/min/vs to public/monaco/<version>/vs so the
// editor never reaches for a CDN. The version in the path lets browsers cache the files forever (next.config.js
// marks /monaco/* immutable): an upgrade changes the path, never the content behind one. Runs as `postinstall`;
// skips the copy when that version is already in place. No network, no dependencies beyond Node.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "node_modules", "monaco-editor");
const source = path.join(pkgDir, "min", "vs");
const targetRoot = path.join(root, "public", "monaco");

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
  console.warn("[copy-monaco] monaco-editor is not installed; skipping copy to public/monaco.");
  process.exit(0);
}

const target = path.join(targetRoot, version, "vs");
const force = process.argv.includes("--force");
if (!force && fs.existsSync(path.join(target, "loader.js"))) {
  console.log(`[copy-monaco] public/monaco/${version}/vs is in place; nothing to do.`);
  process.exit(0);
}

const started = Date.now();
// Only the installed version is kept: older versions' folders (and the unversioned layout) are removed.
fs.rmSync(targetRoot, { recursive: true, force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.cpSync(source, target, { recursive: true });
console.log(`[copy-monaco] copied monaco-editor ${version} to public/monaco/${version}/vs in ${Date.now() - started} ms.`);
