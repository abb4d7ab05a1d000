// Where a prompt lives in a repository: prompts/<name>.yaml, its "/" folders becoming directories.

export const PROMPTS_DIR = "prompts";
export const PROMPT_FILE_EXTENSION = ".yaml";

export function promptFilePath(name: string): string {
  return `${PROMPTS_DIR}/${name}${PROMPT_FILE_EXTENSION}`;
}

/** Tolerates Windows separators and a leading "./" from archive tools; nothing else is rewritten. */
export function normaliseFilePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}
