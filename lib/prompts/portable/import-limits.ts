// Size limits on an import, checked before any parsing so an oversized upload costs nothing to reject. Archives
// are held to the same limits while they are unpacked (zip.ts), so an upload can never inflate past them.
import type { ImportError, PromptFile } from "./types";

const MiB = 1024 * 1024;

export const IMPORT_LIMITS = {
  /** Files in one import, counting every entry of every archive. */
  maxFiles: 5_000,
  /** One prompt file, as uploaded or once unpacked. */
  maxFileBytes: MiB,
  /** Everything one import holds once unpacked (also the most a request may upload). */
  maxImportBytes: 50 * MiB,
  /**
   * Unpacked ÷ packed size of one archive entry. Prompt YAML compresses about 5-100:1 (a file of 300 near-identical
   * versions reaches ~100:1); zero-filled bombs reach ~1,000:1. Checked once an entry passes `ratioGraceBytes`.
   */
  maxCompressionRatio: 400,
  ratioGraceBytes: 64 * 1024,
} as const;

export const MAX_IMPORT_FILES = IMPORT_LIMITS.maxFiles;
export const MAX_FILE_BYTES = IMPORT_LIMITS.maxFileBytes;
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.maxImportBytes;

/** What the uploads of one import have used so far, shared by its archives. */
export interface ImportBudget {
  files: number;
  bytes: number;
}

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

export function formatMiB(bytes: number): string {
  const mib = bytes / MiB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
