// The portable shape of a prompt: what a prompt file holds, independent of database ids and users.
import type { ChatMessageRecord, ModelConfig, PromptType } from "@/lib/core/vocabulary/prompt-content";

export interface PortableVersion {
  version: number;
  /** The commit message. */
  message: string;
  /** The author's email, or null when unknown (an API key, a deleted user). */
  author: string | null;
  /** ISO 8601, kept as written so round trips are exact. */
  createdAt: string;
  modelConfig: ModelConfig;
  /** Text prompts only. */
  template?: string;
  /** Chat prompts only. */
  messages?: ChatMessageRecord[];
}

export interface PortablePrompt {
  name: string;
  type: PromptType;
  description: string;
  tags: string[];
  archived: boolean;
  /** Environment label -> version number, e.g. { production: 3 }. */
  labels: Record<string, number>;
  versions: PortableVersion[];
}

export interface PromptFile {
  path: string;
  content: string;
}

export interface ImportError {
  /** The file's path, or "(import)" for limits on the whole set. */
  file: string;
  /** e.g. "versions[2].template", "(yaml)" for syntax errors, "(file)" for the file as a whole. */
  field: string;
  message: string;
}

export type ParsePromptFilesResult = { ok: true; prompts: PortablePrompt[] } | { ok: false; errors: ImportError[] };
