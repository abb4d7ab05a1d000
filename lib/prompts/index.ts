// The client-safe surface of lib/prompts/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/prompts/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { clearDraft, parseStoredDraft, readDraftRaw, subscribeToDrafts, writeDraft } from "./draft-store";
export { buildFolderTree } from "./folder-tree";
export type { FolderNode } from "./folder-tree";
export { exportPromptFile, exportWorkspace } from "./portable/export-prompts";
export { parsePromptFiles } from "./portable/import-prompts";
export type { ImportError } from "./portable/types";
export { readUploadedPromptFiles } from "./portable/uploads";
export { zipFiles } from "./portable/zip";
export type { PromptList } from "./queries";
export { sameContent, versionContent } from "./same-content";
export { PROMPT_NAME_MAX, chatMessageSchema, chatMessagesSchema, guardPolicySchema, modelConfigSchema, promptBodySchema, promptNameSchema, saveVersionSchema, templateTextSchema } from "./schemas";
export { fromSettingsForm, toSettingsForm } from "./settings-form";
export type { SettingsErrors, SettingsForm } from "./settings-form";
export { estimateTokens } from "./token-estimate";
export { parseCompare, parseVersionParam, promptHref, promptListHref } from "./urls";
export type { PromptListQuery, PromptTab } from "./urls";
