// Points @monaco-editor/react's loader at the copy of Monaco the app serves itself (public/monaco/<version>/vs,
// written by scripts/copy-monaco.mjs on postinstall; next.config.js puts the version in MONACO_VERSION). Without this the loader fetches Monaco from a CDN.
// Must run before the first editor mounts, so editor modules call it at module load.
import { loader } from "@monaco-editor/react";

export const MONACO_VS_PATH = `/monaco/${process.env.MONACO_VERSION}/vs`;

let configured = false;

export function configureMonacoLoader(): void {
  if (configured) return;
  configured = true;
  loader.config({ paths: { vs: MONACO_VS_PATH } });
}
