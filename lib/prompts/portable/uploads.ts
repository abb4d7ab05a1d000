import { AppError } from "@/lib/core/errors";
import { IMPORT_LIMITS, formatMiB, utf8ByteLength, type ImportBudget } from "./import-limits";
import { parseYaml } from "./parse-yaml";
import { promptFilePath } from "./prompt-path";
import type { PromptFile } from "./types";
import { unzipFiles } from "./zip";

/**
 * A file uploaded on its own has lost its folder (browsers send only "triage.yaml"), so its repository path
 * is rebuilt from the name inside it; the parser then reports anything wrong with that name.
 */
function loosePath(fileName: string, content: string): string {
  // Too big to import anyway (the limits check says so): not worth parsing. Unparseable: keep the upload's name so
  // the YAML error points at the right file.
  if (utf8ByteLength(content) > IMPORT_LIMITS.maxFileBytes) return fileName;
  const parsed = parseYaml({ file: fileName, content });
  const name: unknown = parsed.ok ? (parsed.value as { name?: unknown } | null)?.name : undefined;
  return typeof name === "string" ? promptFilePath(name) : fileName;
}

/**
 * Turns uploaded form values into prompt files: .zip archives are unpacked within the import limits (the first one
 * crossed is a 413 naming it), other files read as text.
 */
export async function readUploadedPromptFiles(values: FormDataEntryValue[]): Promise<PromptFile[]> {
  const uploads = values.filter((v): v is File => typeof v !== "string");
  if (uploads.length === 0) throw new AppError("bad_request:import", "Choose at least one .yaml file or .zip archive.");
  const total = uploads.reduce((n, f) => n + f.size, 0);
  if (total > IMPORT_LIMITS.maxImportBytes) {
    throw new AppError("too_large:import", `The upload is over ${formatMiB(IMPORT_LIMITS.maxImportBytes)}.`, { details: { limit: "maxImportBytes", max: IMPORT_LIMITS.maxImportBytes } });
  }
  const budget: ImportBudget = { files: 0, bytes: 0 };
  const files: PromptFile[] = [];
  for (const upload of uploads) {
    if (upload.name.toLowerCase().endsWith(".zip")) {
      files.push(...unzipFiles(new Uint8Array(await upload.arrayBuffer()), { archive: upload.name, budget }));
    } else {
      const content = await upload.text();
      budget.files += 1;
      budget.bytes += upload.size;
      files.push({ path: loosePath(upload.name, content), content });
    }
  }
  return files;
}
