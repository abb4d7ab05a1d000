import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/app-error";
import { IMPORT_LIMITS, type ImportBudget } from "./import-limits";
import { readUploadedPromptFiles } from "./uploads";
import { unzipFiles, zipFiles } from "./zip";

const MiB = 1024 * 1024;
const fresh = (): ImportBudget => ({ files: 0, bytes: 0 });
const unzip = (data: Uint8Array, budget = fresh()) => unzipFiles(data, { archive: "upload.zip", budget });

/** Rewrites the uncompressed size an archive's headers state for its entry number `index` (a lying header). */
function lieAboutSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let seen = 0;
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && seen === index) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && seen++ === index) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe("unpacking an uploaded archive", () => {
  it("round-trips the text files of an export, skipping folders and macOS metadata", () => {
    const files = [
      { path: "prompts/a.yaml", content: "name: a\n" },
      { path: "prompts/support/b.yaml", content: "name: support/b\nnote: é ✓\n" },
    ];
    const zip = zipSync({ ...Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)])), "prompts/empty/": new Uint8Array(0), "__MACOSX/._a.yaml": strToU8("x") });
    expect(unzip(zip)).toEqual(files);
    expect(unzip(zipFiles(files))).toEqual(files);
  });

  it("refuses a zip bomb from its directory, before inflating anything", () => {
    // The bomb had four 200 MiB entries (e2e/dos.spec.ts sends that one); 16 MiB keeps this test light.
    const zeros = new Uint8Array(16 * MiB);
    const bomb = zipSync({ "prompts/a.yaml": [zeros, { level: 9 }], "prompts/b.yaml": [zeros, { level: 9 }] } as Zippable);
    expect(bomb.length).toBeLessThan(MiB);
    const error = thrown(() => unzip(bomb));
    expect(error).toMatchObject({ status: 413, code: "too_large:import", details: { limit: "maxFileBytes", max: MiB } });
    expect(error.message).toBe("prompts/a.yaml in upload.zip unpacks to 16 MiB; a prompt file can be at most 1 MiB.");
  });

  it("stops inflating at the limit when the headers lie about the size", () => {
    const bomb = lieAboutSize(zipSync({ "prompts/a.yaml": [new Uint8Array(16 * MiB), { level: 9 }] } as Zippable), 0, 100);
    const error = thrown(() => unzip(bomb));
    expect(error).toMatchObject({ status: 413, details: { limit: "maxFileBytes" } });
    expect(error.message).toBe("prompts/a.yaml in upload.zip unpacks to more than 1 MiB, the limit for one prompt file.");
  });

  it("refuses an entry compressed like a bomb, from its directory and, when the header lies, while inflating", () => {
    const dense = zipSync({ "prompts/a.yaml": [new Uint8Array(512 * 1024), { level: 9 }] } as Zippable);
    const message = `prompts/a.yaml in upload.zip is compressed more than ${IMPORT_LIMITS.maxCompressionRatio}:1, which only a zip bomb does; it was not unpacked.`;
    expect(thrown(() => unzip(dense))).toMatchObject({ status: 413, message, details: { limit: "maxCompressionRatio", max: 400 } });
    expect(thrown(() => unzip(lieAboutSize(dense, 0, 10)))).toMatchObject({ status: 413, message });
    // Repetitive prompt YAML compresses well but nowhere near that.
    const versions = Array.from({ length: 300 }, (_, i) => `  - version: ${i + 1}\n    template: |-\n      ${"You triage support tickets. Answer in one word. ".repeat(8)}\n`).join("");
    expect(unzip(zipSync({ "prompts/a.yaml": strToU8(`name: a\nversions:\n${versions}`) }, { level: 9 }))).toHaveLength(1);
  });

  it("refuses an entry that is smaller or larger than its header says", () => {
    const zip = zipSync({ "prompts/a.yaml": strToU8("name: a\n".repeat(100)) });
    expect(thrown(() => unzip(lieAboutSize(zip, 0, 10)))).toMatchObject({ status: 400, message: "prompts/a.yaml in upload.zip cannot be read (it is larger than its header says)." });
    expect(thrown(() => unzip(lieAboutSize(zip, 0, 5000)))).toMatchObject({ status: 400, message: "prompts/a.yaml in upload.zip cannot be read (it is smaller than its header says)." });
  });

  it("counts entries against the file limit before reading them, across the archives of one import", async () => {
    const many = (n: number, prefix: string) => zipSync(Object.fromEntries(Array.from({ length: n }, (_, i) => [`prompts/${prefix}${i}.yaml`, strToU8("x")])));
    expect(thrown(() => unzip(many(IMPORT_LIMITS.maxFiles + 1, "p")))).toMatchObject({ status: 413, message: "upload.zip holds 5,001 entries; an import can hold at most 5,000 files.", details: { limit: "maxFiles" } });
    const first = new File([many(3_000, "a") as BlobPart], "first.zip");
    const second = new File([many(2_001, "b") as BlobPart], "second.zip");
    await expect(readUploadedPromptFiles([first, second])).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/^second\.zip holds 2,001 entries/) });
    expect(await readUploadedPromptFiles([first, new File([many(2_000, "b") as BlobPart], "second.zip")])).toHaveLength(5_000);
  }, 30_000); // builds and reads 12,000 entries, which is slow on a busy machine

  it("counts unpacked bytes against the import's total", () => {
    const zip = zipSync({ "prompts/a.yaml": strToU8("name: a\n".repeat(128)) });
    const nearlyFull = { files: 10, bytes: IMPORT_LIMITS.maxImportBytes - 1_000 };
    expect(thrown(() => unzip(zip, nearlyFull))).toMatchObject({ status: 413, message: "upload.zip unpacks to more than 50 MiB, the most one import can hold.", details: { limit: "maxImportBytes" } });
    const budget = { files: 10, bytes: IMPORT_LIMITS.maxImportBytes - 2_000 };
    unzip(zip, budget);
    expect(budget).toEqual({ files: 11, bytes: IMPORT_LIMITS.maxImportBytes - 2_000 + 1_024 });
  });

  it("reads a ZIP64 archive and refuses what is not a readable zip with a 400", () => {
    expect(unzip(zip64Stored("prompts/a.yaml", "name: a\n"))).toEqual([{ path: "prompts/a.yaml", content: "name: a\n" }]);
    expect(thrown(() => unzip(strToU8("not a zip at all")))).toMatchObject({ status: 400, message: "upload.zip is not a readable zip archive (no end of central directory)." });
    const zip = zipSync({ "prompts/a.yaml": strToU8("name: a\n".repeat(100)) });
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 60);
    expect(thrown(() => unzip(damaged))).toMatchObject({ status: 400, message: "prompts/a.yaml in upload.zip cannot be read (its data is damaged)." });
  });
});

/** A one-entry stored archive written the ZIP64 way: sizes, offsets and counts in ZIP64 records. */
function zip64Stored(name: string, content: string): Uint8Array {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(content);
  // Little-endian fields as [value, width in bytes].
  const fields = (...values: [number, number][]) => {
    const out = Buffer.alloc(values.reduce((n, [, width]) => n + width, 0));
    let at = 0;
    for (const [value, width] of values) {
      if (width === 8) out.writeBigUInt64LE(BigInt(value), at);
      else out.writeUIntLE(value, at, width);
      at += width;
    }
    return out;
  };
  const ones = 0xffffffff;
  const extra = (withOffset: boolean) => fields([1, 2], [withOffset ? 24 : 16, 2], [data.length, 8], [data.length, 8], ...(withOffset ? [[0, 8] as [number, number]] : []));
  const local = Buffer.concat([fields([0x04034b50, 4], [45, 2], [0, 2], [0, 2], [0, 4], [0, 4], [ones, 4], [ones, 4], [nameBytes.length, 2], [20, 2]), nameBytes, extra(false), data]);
  const central = Buffer.concat([
    fields([0x02014b50, 4], [45, 2], [45, 2], [0, 2], [0, 2], [0, 4], [0, 4], [ones, 4], [ones, 4], [nameBytes.length, 2], [28, 2], [0, 2], [0, 2], [0, 2], [0, 4], [ones, 4]),
    nameBytes,
    extra(true),
  ]);
  const zip64End = local.length + central.length;
  const records = fields(
    [0x06064b50, 4], [44, 8], [45, 2], [45, 2], [0, 4], [0, 4], [1, 8], [1, 8], [central.length, 8], [local.length, 8],
    [0x07064b50, 4], [0, 4], [zip64End, 8], [1, 4],
    [0x06054b50, 4], [0, 2], [0, 2], [0xffff, 2], [0xffff, 2], [ones, 4], [ones, 4], [0, 2],
  );
  return new Uint8Array(Buffer.concat([local, central, records]));
}
