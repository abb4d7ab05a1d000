// The server surface of lib/prompts/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/prompts/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { importPrompts } from "./import-prompts";
export { createPrompt, createPromptInTransaction, saveVersion, saveVersionInTransaction, writeImportedPrompt } from "./manage-prompts";
export type { PromptWriter } from "./manage-prompts";
export { findLatestVersion, findPromptById, findPromptByName, findVersion, listPromptNamesAndTags, listPrompts, listVersions } from "./queries";
export { loadPortablePrompt, loadPortableWorkspace } from "./to-portable";
export { toValidContent } from "./validate-content";
export { loadPromptPage, loadPromptPicker } from "./load-prompt-page";
