import { Inflate, strFromU8, strToU8, zipSync } from "fflate";
import { AppError } from "@/lib/core/errors";
import { IMPORT_LIMITS, formatMiB, type ImportBudget } from "./import-limits";
import type { PromptFile } from "./types";

// Unpacking an uploaded archive under the import limits. A zip states its sizes in its central directory, and
// those are checked first, before anything is inflated; but headers can lie, so every entry is then inflated in
// small steps and measured as it grows. The first limit crossed stops the work with a 413 that names it, so a
// zip bomb (800 KiB that inflates to 800 MiB) costs a few MiB and a few milliseconds, not the server's memory.

export function zipFiles(files: PromptFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)])), { level: 6 });
}

/** Compressed bytes handed to the inflater per step: at most ~1,032× this comes out of one step. */
const STEP_BYTES = 4 * 1024;

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (d: Uint8Array, at: number) => d[at]! | (d[at + 1]! << 8);
const u32 = (d: Uint8Array, at: number) => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
const u64 = (d: Uint8Array, at: number) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

const skipped = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/");

function limitError(limit: keyof typeof IMPORT_LIMITS, message: string): AppError {
  return new AppError("too_large:import", message, { details: { limit, max: IMPORT_LIMITS[limit] } });
}

/** The central directory's entries (ZIP64 included), each range checked against the archive's length. */
function readDirectory(data: Uint8Array, archive: string, budget: ImportBudget): Entry[] {
  const corrupt = (why: string) => new AppError("bad_request:import", `${archive} is not a readable zip archive (${why}).`);
  let end = data.length - 22;
  while (end >= 0 && u32(data, end) !== 0x06054b50) {
    if (data.length - end > 22 + 0xffff) throw corrupt("no end of central directory");
    end--;
  }
  if (end < 0) throw corrupt("no end of central directory");
  let count = u16(data, end + 10);
  let offset = u32(data, end + 16);
  if (end >= 20 && u32(data, end - 20) === 0x07064b50) {
    const zip64End = u64(data, end - 12);
    if (zip64End + 56 > data.length || u32(data, zip64End) !== 0x06064b50) throw corrupt("a broken ZIP64 record");
    count = u64(data, zip64End + 32);
    offset = u64(data, zip64End + 48);
  }
  if (budget.files + count > IMPORT_LIMITS.maxFiles) {
    throw limitError("maxFiles", `${archive} holds ${count.toLocaleString("en")} entries; an import can hold at most ${IMPORT_LIMITS.maxFiles.toLocaleString("en")} files.`);
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || u32(data, offset) !== 0x02014b50) throw corrupt("a broken central directory");
    const nameLength = u16(data, offset + 28);
    const extraLength = u16(data, offset + 30);
    const flags = u16(data, offset + 8);
    const next = offset + 46 + nameLength + extraLength + u16(data, offset + 32);
    if (next > data.length) throw corrupt("a broken central directory");
    const entry: Entry = {
      name: strFromU8(data.subarray(offset + 46, offset + 46 + nameLength), !(flags & 0x800)),
      method: u16(data, offset + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: u32(data, offset + 20),
      size: u32(data, offset + 24),
      localOffset: u32(data, offset + 42),
    };
    // ZIP64: a field of all ones is in the extra block (id 1), in the order size, compressed size, offset.
    for (let at = offset + 46 + nameLength; at + 4 <= offset + 46 + nameLength + extraLength; at += 4 + u16(data, at + 2)) {
      if (u16(data, at) !== 1) continue;
      let field = at + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        entry[key] = u64(data, field);
        field += 8;
      }
    }
    entries.push(entry);
    offset = next;
  }
  return entries;
}

/** Checks what the directory declares, before inflating anything. */
function checkDeclared(entries: Entry[], archive: string, budget: ImportBudget) {
  let total = budget.bytes;
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    if (entry.size > IMPORT_LIMITS.maxFileBytes) {
      throw limitError("maxFileBytes", `${entry.name} in ${archive} unpacks to ${formatMiB(entry.size)}; a prompt file can be at most ${formatMiB(IMPORT_LIMITS.maxFileBytes)}.`);
    }
    total += entry.size;
    if (total > IMPORT_LIMITS.maxImportBytes) {
      throw limitError("maxImportBytes", `${archive} unpacks to more than ${formatMiB(IMPORT_LIMITS.maxImportBytes)}, the most one import can hold.`);
    }
    checkRatio(entry.name, archive, entry.size, entry.compressedSize);
  }
}

function checkRatio(name: string, archive: string, inflated: number, compressed: number) {
  if (inflated > IMPORT_LIMITS.ratioGraceBytes && inflated > compressed * IMPORT_LIMITS.maxCompressionRatio) {
    throw limitError(
      "maxCompressionRatio",
      `${name} in ${archive} is compressed more than ${IMPORT_LIMITS.maxCompressionRatio}:1, which only a zip bomb does; it was not unpacked.`,
    );
  }
}

/** Inflates one entry step by step, stopping as soon as it grows past what its header said or any limit. */
function inflateEntry(data: Uint8Array, entry: Entry, archive: string, budget: ImportBudget): Uint8Array {
  const corrupt = (why: string) => new AppError("bad_request:import", `${entry.name} in ${archive} cannot be read (${why}).`);
  if (entry.encrypted) throw corrupt("it is encrypted");
  if (entry.localOffset + 30 > data.length || u32(data, entry.localOffset) !== 0x04034b50) throw corrupt("a broken local header");
  const start = entry.localOffset + 30 + u16(data, entry.localOffset + 26) + u16(data, entry.localOffset + 28);
  if (start + entry.compressedSize > data.length) throw corrupt("it runs past the end of the archive");
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt("its sizes disagree");
    budget.bytes += entry.size;
    return compressed;
  }
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method} is not supported; use deflate`);

  const out = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    const grown = length + chunk.length;
    if (grown > IMPORT_LIMITS.maxFileBytes) {
      throw limitError("maxFileBytes", `${entry.name} in ${archive} unpacks to more than ${formatMiB(IMPORT_LIMITS.maxFileBytes)}, the limit for one prompt file.`);
    }
    if (budget.bytes + grown > IMPORT_LIMITS.maxImportBytes) {
      throw limitError("maxImportBytes", `${archive} unpacks to more than ${formatMiB(IMPORT_LIMITS.maxImportBytes)}, the most one import can hold.`);
    }
    checkRatio(entry.name, archive, grown, entry.compressedSize);
    if (grown > entry.size) throw corrupt("it is larger than its header says");
    out.set(chunk, length);
    length = grown;
  });
  try {
    for (let at = 0; at < compressed.length || at === 0; at += STEP_BYTES) {
      inflater.push(compressed.subarray(at, at + STEP_BYTES), at + STEP_BYTES >= compressed.length);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt("its data is damaged");
  }
  if (length !== entry.size) throw corrupt("it is smaller than its header says");
  budget.bytes += length;
  return out;
}

/**
 * The text files of a zip archive, skipping folders and the metadata macOS adds, within the import limits.
 * `budget` carries what earlier uploads of the same import used; it is updated.
 */
export function unzipFiles(data: Uint8Array, { archive, budget }: { archive: string; budget: ImportBudget }): PromptFile[] {
  const entries = readDirectory(data, archive, budget);
  checkDeclared(entries, archive, budget);
  const files: PromptFile[] = [];
  for (const entry of entries) {
    budget.files += 1;
    if (skipped(entry.name)) continue;
    files.push({ path: entry.name, content: strFromU8(inflateEntry(data, entry, archive, budget)) });
  }
  return files;
}
