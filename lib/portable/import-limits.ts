// Size limits on an import, checked before any parsing so an oversized upload costs nothing to reject.
import type { ImportError, PromptFile } from "./types";

export const MAX_IMPORT_FILES = 5_000;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Errors that stop the whole import (too many files, too many bytes) and the files that are too big on their own. */
export function checkImportLimits(files: readonly PromptFile[]): { fatal: ImportError[]; oversized: Map<PromptFile, ImportError> } {
  const oversized = new Map<PromptFile, ImportError>();
  if (files.length > MAX_IMPORT_FILES) {
    const message = `An import can hold at most ${MAX_IMPORT_FILES.toLocaleString("en")} files; this one has ${files.length.toLocaleString("en")}.`;
    return { fatal: [{ file: "(import)", field: "(files)", message }], oversized };
  }
  let total = 0;
  for (const file of files) {
    const bytes = utf8ByteLength(file.content);
    total += bytes;
    if (bytes > MAX_FILE_BYTES) {
      oversized.set(file, { file: file.path, field: "(file)", message: `A prompt file can be at most 1 MiB; this one is ${formatMiB(bytes)}.` });
    }
  }
  if (total > MAX_IMPORT_BYTES) {
    return { fatal: [{ file: "(import)", field: "(files)", message: `An import can be at most 50 MiB in all; these files are ${formatMiB(total)}.` }], oversized };
  }
  return { fatal: [], oversized };
}

/** Counts without encoding, so a 50 MiB upload is measured without copying it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
