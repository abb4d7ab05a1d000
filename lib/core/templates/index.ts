// The prompt template language: Mustache (through the mustache library) without HTML escaping, with partials
// that include other prompts of the workspace. See README.md.
export { analyseTemplate, type PartialRef, type TemplateAnalysis, type TemplateIssue } from "./parse-template";
export { extractChatVariables, extractVariables } from "./extract-variables";
export { planTemplate, renderPlannedTemplate, renderTemplate, type RenderTemplateArgs, type TemplatePlan } from "./render-template";
export { planChat, renderChat, renderPlannedChat, messageNames, type ChatPlan, type RenderChatArgs } from "./render-chat";
export { collectPartials, type CollectPartialsArgs } from "./collect-partials";
export {
  collectVariables,
  promptTemplates,
  type CollectVariablesArgs,
  type PartialProblem,
  type PromptVariable,
  type PromptVariables,
  type SyncPartialLoader,
} from "./collect-variables";
export { mergeDraftVariables, partialIssues } from "./draft-variables";
export type { PartialLoader } from "./resolve-partials";
export { partialKey, type PartialTarget } from "./partial-ref";
export { TEMPLATE_LIMITS, type TemplateLimits } from "./limits";
export {
  describePlace,
  missingVariablesError,
  templateError,
  templateErrorAt,
  type MissingVariable,
  type TemplateErrorContext,
  type TemplatePlace,
} from "./errors";
