// `promptops lint <dir>` (issue 19): the prompt linter over prompt files, without a studio. Pure, so esbuild bundles it
// with the linter and the YAML parser into dist/cli/lint.mjs (scripts/build-cli-lint.mjs) for plain Node. Each file's
// latest version is linted with no studio context: the rules that need datasets, a context window or where the
// prompt is served are skipped. Locations are lines of the file, exact for block scalars (`|`, as exports write).
import { isScalar, LineCounter, type Document } from "yaml";
import { lintPrompt } from "@/lib/core/lint/lint-prompt";
import { LINT_RULES, RULE_IDS } from "@/lib/core/lint/rules";
import { parseBoundedDocument } from "@/lib/core/yaml/bounded-yaml";
import { importErrorMap, issuesToErrors } from "./describe-issues";
import { MAX_FILE_BYTES } from "./import-limits";
import { parseYaml } from "./parse-yaml";
import { promptFileSchema } from "./schema";
import type { ImportError } from "./types";

export { LINT_RULES, RULE_IDS };

export interface FileFinding {
  ruleId: (typeof RULE_IDS)[number];
  severity: "error" | "warning" | "info";
  message: string;
  silencedReason?: string;
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

export type FileLintResult =
  | { kind: "linted"; file: string; prompt: string; version: number; findings: FileFinding[] }
  /** Valid YAML that is not a prompt file (no `name` and `versions`): a workflow, a config. */
  | { kind: "not-a-prompt"; file: string }
  | { kind: "invalid"; file: string; errors: ImportError[] };

/** True when the data looks like a prompt file, so its problems are errors rather than a reason to skip it. */
const looksLikePrompt = (value: unknown): boolean => typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value && "versions" in value;

export function lintPromptFile({ file, content }: { file: string; content: string }): FileLintResult {
  if (content.length > MAX_FILE_BYTES) return { kind: "invalid", file, errors: [{ file, field: "(file)", message: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.` }] };
  const yaml = parseYaml({ file, content });
  if (!yaml.ok) return { kind: "invalid", file, errors: yaml.errors };
  if (!looksLikePrompt(yaml.value)) return { kind: "not-a-prompt", file };
  const parsed = promptFileSchema.safeParse(yaml.value, { error: importErrorMap });
  if (!parsed.success) return { kind: "invalid", file, errors: issuesToErrors({ file, issues: parsed.error.issues }) };
  const prompt = parsed.data;
  const index = prompt.versions.length - 1;
  const version = prompt.versions[index]!;
  const findings = lintPrompt({ type: prompt.type, template: version.template ?? null, messages: version.messages ?? null, modelConfig: version.modelConfig });
  const lines = new LineCounter();
  const doc = parseBoundedDocument(content, { lineCounter: lines, schema: "core" });
  return {
    kind: "linted",
    file,
    prompt: prompt.name,
    version: version.version,
    findings: findings.map((f) => {
      const path = f.location.message === null ? ["versions", index, "template"] : ["versions", index, "messages", f.location.message, "content"];
      const origin = textOrigin(doc, lines, content, path);
      const at = (line: number, column: number) => ({ line: origin.line + line - 1, column: line === 1 ? origin.firstColumn + column - 1 : origin.column + column - 1 });
      const start = at(f.location.line, f.location.column);
      const end = at(f.location.endLine, f.location.endColumn);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.location.message === null ? f.message : `Message ${f.location.message + 1}: ${f.message}`,
        ...(f.silenced ? { silencedReason: f.silenced.reason } : {}),
        region: { startLine: start.line, startColumn: Math.max(1, start.column), endLine: Math.max(start.line, end.line), endColumn: Math.max(1, end.column) },
      };
    }),
  };
}

/** Where a text's first character sits in the file: its line, that line's column, and the column of later lines. */
function textOrigin(doc: Document.Parsed, lines: LineCounter, content: string, path: (string | number)[]) {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return { line: 1, firstColumn: 1, column: 1 };
  const head = lines.linePos(node.range[0]);
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
    // The text starts on the line after the `|` header, at the block's indentation.
    const bodyStart = content.indexOf("\n", node.range[0]) + 1;
    const indent = /^[ ]*/.exec(content.slice(bodyStart))![0].length;
    return { line: head.line + 1, firstColumn: indent + 1, column: indent + 1 };
  }
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
  return { line: head.line, firstColumn: head.col + quoted, column: 1 };
}
