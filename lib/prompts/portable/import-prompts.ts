// Reads prompt files back into portable prompts. Validates everything before returning anything, and
// reports every problem with its file and field, so a team fixes a repository in one round.
import { AppError } from "@/lib/core/errors";
import { promptNameSchema } from "@/lib/prompts/schemas";
import { importErrorMap, issuesToErrors } from "./describe-issues";
import { checkImportLimits } from "./import-limits";
import { parseYaml } from "./parse-yaml";
import { normaliseFilePath, promptFilePath } from "./prompt-path";
import { promptFileSchema } from "./schema";
import type { ImportError, ParsePromptFilesResult, PortablePrompt, PromptFile } from "./types";

interface ParsedFile {
  file: PromptFile;
  /** The declared name when it is valid, even if the rest of the file is not: path and duplicate checks still run. */
  name: string | null;
  prompt: PortablePrompt | null;
  errors: ImportError[];
}

export function parsePromptFiles(files: PromptFile[]): ParsePromptFilesResult {
  const { fatal, oversized } = checkImportLimits(files);
  if (fatal.length > 0) return { ok: false, errors: fatal };

  const parsed = files.map((file): ParsedFile => {
    const tooBig = oversized.get(file);
    return tooBig ? { file, name: null, prompt: null, errors: [tooBig] } : parsePromptFile(file);
  });
  flagDuplicateNames(parsed);

  const errors = parsed.flatMap((entry) => entry.errors);
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  return { ok: true, prompts: parsed.map((entry) => entry.prompt).filter((prompt): prompt is PortablePrompt => prompt !== null) };
}

/** For callers that want the studio's error type: a 400 whose details list every problem. */
export function parsePromptFilesOrThrow(files: PromptFile[]): PortablePrompt[] {
  const result = parsePromptFiles(files);
  if (result.ok) return result.prompts;
  const count = result.errors.length;
  throw new AppError("bad_request:import", `The import has ${count} ${count === 1 ? "problem" : "problems"}; nothing was imported.`, {
    details: { errors: result.errors },
  });
}

function parsePromptFile(file: PromptFile): ParsedFile {
  const yaml = parseYaml({ file: file.path, content: file.content });
  if (!yaml.ok) return { file, name: null, prompt: null, errors: yaml.errors };

  const errors: ImportError[] = [];
  const name = declaredName(yaml.value);
  const path = normaliseFilePath(file.path);
  if (name !== null && path !== promptFilePath(name)) {
    errors.push({ file: file.path, field: "name", message: `The file must be at ${promptFilePath(name)} to match its name "${name}".` });
  } else if (name === null && !/^prompts\/.+\.yaml$/.test(path)) {
    errors.push({ file: file.path, field: "(path)", message: "Prompt files live at prompts/<prompt name>.yaml." });
  }

  const result = promptFileSchema.safeParse(yaml.value, { error: importErrorMap });
  if (!result.success) errors.push(...issuesToErrors({ file: file.path, issues: result.error.issues }));
  const prompt: PortablePrompt | null = result.success ? result.data : null;
  return { file, name, prompt, errors };
}

function declaredName(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("name" in value)) return null;
  const name = promptNameSchema.safeParse(value.name);
  return name.success ? name.data : null;
}

/** Each file of a clash gets its own error listing all of them, so every copy is found. */
function flagDuplicateNames(parsed: ParsedFile[]) {
  const pathsByName = new Map<string, string[]>();
  for (const { file, name } of parsed) {
    if (name !== null) pathsByName.set(name, [...(pathsByName.get(name) ?? []), file.path]);
  }
  for (const entry of parsed) {
    const paths = entry.name === null ? [] : (pathsByName.get(entry.name) ?? []);
    if (paths.length < 2) continue;
    entry.errors.push({ file: entry.file.path, field: "name", message: `The prompt "${entry.name}" is defined by ${paths.length} files: ${paths.join(", ")}.` });
  }
}

/** Identical errors (the same file listed twice) are reported once. */
function dedupe(errors: ImportError[]): ImportError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.file}\u0000${error.field}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
