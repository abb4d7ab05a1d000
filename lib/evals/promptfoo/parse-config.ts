import type { ChatMessageRecord, ScorerConfig } from "@/db/schema";
import { DATASET_LIMITS } from "@/lib/datasets";
import { AppError } from "@/lib/core/errors";
import { readBoundedYaml, YamlLimitError } from "@/lib/core/yaml/bounded-yaml";
import { mapAssertion, type PromptfooAssertion } from "./map-assertion";

// Reads a promptfooconfig.yaml into what the studio will create: prompts, one dataset of cases (per-test asserts
// as case assertions, defaultTest asserts as the dataset's default scorers) and the warnings for everything that
// could not be carried over. Pure: nothing is written here.

export interface PlannedPrompt {
  label: string;
  type: "text" | "chat";
  template: string | null;
  messages: ChatMessageRecord[] | null;
}

export interface PlannedCase {
  description: string;
  variables: Record<string, string>;
  assertions: ScorerConfig[];
}

export interface ImportPlan {
  description: string;
  prompts: PlannedPrompt[];
  cases: PlannedCase[];
  defaultScorers: ScorerConfig[];
  warnings: string[];
}

export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_TESTS = 10_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** promptfoo's Nunjucks and our Mustache agree on plain {{ var }}; anything else is reported. */
function checkTemplate(template: string, where: string, warnings: string[]) {
  if (/\{%/.test(template)) warnings.push(`${where}: Nunjucks tags ({% … %}) have no Mustache equivalent; edit the imported prompt.`);
  if (/\{\{[^}]*\|[^}]*\}\}/.test(template)) warnings.push(`${where}: Nunjucks filters ({{ x | filter }}) are not supported; edit the imported prompt.`);
}

function chatMessages(raw: string): ChatMessageRecord[] | null {
  if (!raw.trim().startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed) || parsed.length === 0) return null;
    const messages = parsed.map((m) => (isRecord(m) && ["system", "user", "assistant"].includes(String(m.role)) && typeof m.content === "string" ? { role: m.role as ChatMessageRecord["role"], content: m.content } : null));
    return messages.every((m): m is ChatMessageRecord => m !== null) ? messages : null;
  } catch {
    return null;
  }
}

function planPrompts(raw: unknown, warnings: string[]): PlannedPrompt[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const prompts: PlannedPrompt[] = [];
  list.forEach((entry, i) => {
    const where = `prompt ${i + 1}`;
    const body = typeof entry === "string" ? entry : isRecord(entry) ? (typeof entry.raw === "string" ? entry.raw : typeof entry.id === "string" ? entry.id : null) : null;
    const label = isRecord(entry) && typeof entry.label === "string" ? entry.label : "";
    if (body === null) return void warnings.push(`${where}: only inline prompts (strings, or {raw, label}) can be imported; it was skipped.`);
    if (/^file:\/\//.test(body.trim())) return void warnings.push(`${where}: "${body.trim()}" refers to a file, which an upload cannot read; it was skipped.`);
    const messages = chatMessages(body);
    if (messages) {
      messages.forEach((m, j) => checkTemplate(m.content, `${where}, message ${j + 1}`, warnings));
      prompts.push({ label, type: "chat", template: null, messages });
    } else {
      checkTemplate(body, where, warnings);
      prompts.push({ label, type: "text", template: body, messages: null });
    }
  });
  if (prompts.length === 0) warnings.push("The config has no inline prompt; only the dataset will be created.");
  return prompts;
}

function planVars(raw: unknown, where: string, warnings: string[]): Record<string, string> {
  if (raw === undefined) return {};
  if (typeof raw === "string" && raw.startsWith("file://")) {
    warnings.push(`${where}: vars from a file ("${raw}") cannot be read from an upload; they were skipped.`);
    return {};
  }
  if (!isRecord(raw)) {
    warnings.push(`${where}: vars must be a mapping; they were skipped.`);
    return {};
  }
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) warnings.push(`${where}: "${name}" is a list, which promptfoo expands into one test per item; it was imported as one JSON value.`);
    if (typeof value === "string" && value.startsWith("file://")) warnings.push(`${where}: "${name}" refers to a file; its path was imported as text.`);
    vars[name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return vars;
}

function planAssertions(raw: unknown, where: string, keyPrefix: string, warnings: string[]): ScorerConfig[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    warnings.push(`${where}: assert must be a list; it was skipped.`);
    return [];
  }
  const scorers: ScorerConfig[] = [];
  raw.forEach((entry, i) => {
    const mapped = mapAssertion(isRecord(entry) ? (entry as PromptfooAssertion) : {}, `${where}, assert ${i + 1}`, `${keyPrefix}${i + 1}`);
    warnings.push(...mapped.warnings);
    if (mapped.scorer) scorers.push(mapped.scorer);
  });
  return scorers;
}

/**
 * The cases hold to a dataset's limits, and all together to a dataset file's: defaultTest vars are copied into
 * every test, so 10,000 tests of a few bytes could otherwise carry a large default 10,000 times.
 */
function checkCaseData(cases: PlannedCase[]) {
  const { maxVariables, maxValueChars, maxImportBytes } = DATASET_LIMITS;
  let total = 0;
  cases.forEach((c, i) => {
    const entries = Object.entries(c.variables);
    if (entries.length > maxVariables) throw new AppError("too_large:eval", `test ${i + 1} has ${entries.length} vars; a case can have at most ${maxVariables}.`);
    for (const [name, value] of entries) {
      if (value.length > maxValueChars) throw new AppError("too_large:eval", `test ${i + 1}: "${name}" is longer than ${maxValueChars.toLocaleString("en")} characters, the most a case variable can hold.`);
      total += name.length + value.length;
    }
    if (total > maxImportBytes) {
      throw new AppError("too_large:eval", `The tests' vars (with defaultTest vars copied into each test) come to more than ${maxImportBytes / 1024 / 1024} MB, the most one import can create; split the config.`);
    }
  });
}

export function parsePromptfooConfig(text: string): ImportPlan {
  if (Buffer.byteLength(text, "utf8") > MAX_CONFIG_BYTES) throw new AppError("too_large:eval", "The config is larger than 1 MB.");
  let config: unknown;
  try {
    config = readBoundedYaml(text, 2 * MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof YamlLimitError) throw new AppError("too_large:eval", `The config is refused: ${error.message}`);
    throw new AppError("bad_request:eval", `The file is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isRecord(config)) throw new AppError("bad_request:eval", "The file is not a promptfoo config (expected a mapping with prompts and tests).");
  const warnings: string[] = [];
  for (const key of ["providers", "scenarios", "derivedMetrics", "extensions", "outputPath"]) {
    if (config[key] !== undefined) warnings.push(`"${key}" is not imported${key === "providers" ? ": choose the model when you start an evaluation" : ""}.`);
  }
  const prompts = planPrompts(config.prompts, warnings);
  const defaultTest = isRecord(config.defaultTest) ? config.defaultTest : {};
  const defaultVars = planVars(defaultTest.vars, "defaultTest", warnings);
  const defaultScorers = planAssertions(defaultTest.assert, "defaultTest", "default-", warnings);

  let tests: unknown[] = [];
  if (typeof config.tests === "string") warnings.push(`tests from "${config.tests}" cannot be read from an upload; import that file as a dataset instead.`);
  else if (Array.isArray(config.tests)) tests = config.tests;
  else if (config.tests !== undefined) warnings.push("tests must be a list; they were skipped.");
  if (tests.length > MAX_TESTS) throw new AppError("too_large:eval", `The config has ${tests.length} tests; at most ${MAX_TESTS} can be imported.`);

  const cases: PlannedCase[] = [];
  tests.forEach((test, i) => {
    const where = `test ${i + 1}`;
    if (typeof test === "string") return void warnings.push(`${where}: "${test}" refers to a file; it was skipped.`);
    if (!isRecord(test)) return void warnings.push(`${where}: not a mapping; it was skipped.`);
    cases.push({
      description: typeof test.description === "string" ? test.description : "",
      variables: { ...defaultVars, ...planVars(test.vars, where, warnings) },
      assertions: planAssertions(test.assert, where, "assert-", warnings),
    });
    if (test.options !== undefined) warnings.push(`${where}: options are not imported.`);
  });
  if (cases.length === 0) warnings.push("The config has no tests; the dataset will be empty.");
  checkCaseData(cases);
  return { description: typeof config.description === "string" ? config.description : "", prompts, cases, defaultScorers, warnings };
}
