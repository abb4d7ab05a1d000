import "server-only";
import Ajv from "ajv";
import type { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { schemaPatternProblem } from "@/lib/core/patterns/schema-patterns";
import { analyseTemplate } from "@/lib/core/templates";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import type { modelConfigSchema, promptBodySchema } from "./schemas";

const ajv = new Ajv({ strict: false, allErrors: true });

function checkJsonSchema(schema: unknown, where: string) {
  if (!ajv.validateSchema(schema as object)) {
    const reason = ajv.errorsText(ajv.errors, { dataVar: where });
    throw new AppError("bad_request:prompt", `${where} is not a valid JSON Schema: ${reason}`);
  }
  // Checked on save: these patterns later run on RE2, which refuses a few RegExp features (see user-pattern.ts).
  const patternProblem = schemaPatternProblem(schema);
  if (patternProblem) throw new AppError("bad_request:prompt", `${where} has a pattern that cannot be used: ${patternProblem}`);
}

/** Refuses content that could never render or call a model: template syntax errors and invalid JSON Schemas. */
export function toValidContent(body: z.infer<typeof promptBodySchema>, modelConfig: z.infer<typeof modelConfigSchema>): PromptContent {
  const sources =
    body.type === "text"
      ? [{ label: "Template", text: body.template }]
      : body.messages.map((m, i) => ({ label: `Message ${i + 1} (${m.role})`, text: m.content }));
  for (const { label, text } of sources) {
    const issue = analyseTemplate(text).issues[0];
    if (issue) {
      throw new AppError("bad_request:template", `${label}, line ${issue.line}, column ${issue.column}: ${issue.message}`, {
        details: { line: issue.line, column: issue.column },
      });
    }
  }
  if (modelConfig.responseFormat?.type === "json" && modelConfig.responseFormat.schema) {
    checkJsonSchema(modelConfig.responseFormat.schema, "The response format schema");
  }
  for (const tool of modelConfig.tools ?? []) checkJsonSchema(tool.parameters, `The parameters of tool "${tool.name}"`);
  return {
    type: body.type,
    template: body.type === "text" ? body.template : null,
    messages: body.type === "chat" ? body.messages : null,
    modelConfig,
  };
}
