import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { PromptFile } from "./types";

export function zipFiles(files: PromptFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)])), { level: 6 });
}

/** The text files of a zip archive, skipping folders and the metadata macOS adds. */
export function unzipFiles(data: Uint8Array): PromptFile[] {
  const entries = unzipSync(data, { filter: (file) => !file.name.endsWith("/") && !file.name.startsWith("__MACOSX/") });
  return Object.entries(entries).map(([path, bytes]) => ({ path, content: strFromU8(bytes) }));
}
