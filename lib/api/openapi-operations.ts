import type { z } from "zod";
import {
  evalResultListSchema,
  evalResultSchema,
  evalRunSchema,
  resultsPageQuerySchema,
  startRunBodySchema,
} from "@/lib/evals";
import { BUDGET_CAPS, OPTIMIZER_LIMITS, optimizationSchema, savedOptimizationSchema, startOptimizationBodySchema } from "@/lib/optimizer";
import { feedbackBodySchema, feedbackCreatedSchema, generationCreatedSchema, reportGenerationBodySchema } from "@/lib/feedback";
import { chatMessageSchema, modelConfigSchema } from "@/lib/prompts";
import { workspaceLintSchema } from "@/lib/releases";
import type { DeliveryRoute, PromptAction } from "./routes";
import {
  createVersionBodySchema,
  createVersionResultSchema,
  deliveredPromptSchema,
  errorBodySchema,
  evalRunIdParamSchema,
  listQuerySchema,
  promotionBodySchema,
  promotionResultSchema,
  promptListSchema,
  promptNameParamSchema,
  promptQuerySchema,
  promptSummarySchema,
  renderBodySchema,
  renderResultSchema,
} from "./schemas";

// The delivery API's operations: one per route of routes.ts (the record's type makes a route without an operation a
// compile error), each naming the zod schemas its handler parses and answers with. openapi.ts turns this table into
// the OpenAPI document; the tests find the operation of each request they send here.

/** Request bodies, converted as zod reads them, under the names the document gives them. */
export const requestComponents = {
  RenderRequest: renderBodySchema,
  CreateVersionRequest: createVersionBodySchema,
  PromotionRequest: promotionBodySchema,
  StartEvalRunRequest: startRunBodySchema,
  ReportGenerationRequest: reportGenerationBodySchema,
  FeedbackRequest: feedbackBodySchema,
  StartOptimizationRequest: startOptimizationBodySchema,
  ModelConfig: modelConfigSchema,
} satisfies Record<string, z.ZodType>;

/** Answers, converted as the handlers produce them. */
export const responseComponents = {
  Prompt: deliveredPromptSchema,
  PromptSummary: promptSummarySchema,
  PromptList: promptListSchema,
  RenderResult: renderResultSchema,
  CreateVersionResult: createVersionResultSchema,
  PromotionResult: promotionResultSchema,
  EvalRun: evalRunSchema,
  EvalResult: evalResultSchema,
  EvalResultList: evalResultListSchema,
  GenerationCreated: generationCreatedSchema,
  FeedbackCreated: feedbackCreatedSchema,
  Optimization: optimizationSchema,
  SavedOptimization: savedOptimizationSchema,
  WorkspaceLint: workspaceLintSchema,
  ChatMessage: chatMessageSchema,
  ModelConfig: modelConfigSchema,
  Error: errorBodySchema,
} satisfies Record<string, z.ZodType>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;

export interface DeliveryOperation {
  method: "get" | "post";
  /** Below the server URL (/api/v1), with {parameters}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Answered without an API key. */
  public?: true;
  pathParameters?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  /** A GET answered with an ETag, and 304 to a matching If-None-Match. */
  conditional?: true;
  body?: keyof typeof requestComponents;
  success: { status: 200 | 201; description: string; body: keyof typeof responseComponents | { type: "object" } };
  errors: ErrorStatus[];
}

export type OperationKey = Exclude<DeliveryRoute["kind"], "none" | "action"> | PromptAction;

/** The operation a request's route is; undefined for a path the API does not serve. */
export function operationKeyOf(route: DeliveryRoute): OperationKey | undefined {
  if (route.kind === "none") return undefined;
  return route.kind === "action" ? route.action : route.kind;
}

const READ_ERRORS: ErrorStatus[] = [400, 401, 404, 429, 500];
const BODY_READ_ERRORS: ErrorStatus[] = [400, 401, 404, 413, 429, 500];
const WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 413, 429, 500];
const PROMPT_WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 409, 413, 429, 500];
const name = { name: promptNameParamSchema };
const runId = { id: evalRunIdParamSchema };
const OPTIMIZATION_ACTION_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 409, 429, 500];

// In the document's order.
export const deliveryOperations: Record<OperationKey, DeliveryOperation> = {
  list: {
    method: "get",
    path: "/prompts",
    operationId: "listPrompts",
    summary: "List active prompts, by name, a page at a time",
    query: listQuerySchema,
    conditional: true,
    success: { status: 200, description: "One page of prompts.", body: "PromptList" },
    errors: READ_ERRORS,
  },
  prompt: {
    method: "get",
    path: "/prompts/{name}",
    operationId: "getPrompt",
    summary: "The version an environment serves (or a given version), with its partials",
    pathParameters: name,
    query: promptQuerySchema,
    conditional: true,
    success: { status: 200, description: "The prompt version.", body: "Prompt" },
    errors: READ_ERRORS,
  },
  render: {
    method: "post",
    path: "/prompts/{name}/render",
    operationId: "renderPrompt",
    summary: "Fill in a prompt version's variables, partials included",
    pathParameters: name,
    description:
      "When the version has a guard policy (`modelConfig.guard`), the variables are checked first: an input over its length limit, with a listed word, a denied topic or (PII handling `block`) personal data is refused with 422 `unprocessable:guard`, the rule in `error.details.rule`. With PII handling `mask`, e-mail addresses, phone numbers and card numbers are replaced by `[EMAIL]`, `[PHONE]` and `[CARD]` before rendering.",
    body: "RenderRequest",
    success: { status: 200, description: "The rendered text (text prompts) or messages (chat prompts).", body: "RenderResult" },
    errors: [...BODY_READ_ERRORS, 422],
  },
  versions: {
    method: "post",
    path: "/prompts/{name}/versions",
    operationId: "createVersion",
    summary: "Add a version (read-write keys)",
    description:
      "Saved through the same rules as the studio: identical content creates nothing (`created: false`), and a stale `expectedParentVersion` is refused with 409. The audit log names the key.",
    pathParameters: name,
    body: "CreateVersionRequest",
    success: { status: 201, description: "The version (new, or the latest when the content was identical).", body: "CreateVersionResult" },
    errors: PROMPT_WRITE_ERRORS,
  },
  promotions: {
    method: "post",
    path: "/prompts/{name}/promotions",
    operationId: "requestPromotion",
    summary: "Ask for a protected environment to serve a version (read-write keys)",
    description:
      "Creates a pending request that is the key owner's own (a key acts for the member who created it); a signed-in lead or admin other than that member approves it in the studio. Unprotected environments answer 400: keys cannot deploy directly.",
    pathParameters: name,
    body: "PromotionRequest",
    success: { status: 201, description: "The pending request.", body: "PromotionResult" },
    errors: PROMPT_WRITE_ERRORS,
  },
  "eval-runs": {
    method: "post",
    path: "/evals/runs",
    operationId: "startEvalRun",
    summary: "Start an evaluation of a prompt version on a dataset (read-write keys)",
    description:
      'Resolves the target (`label`: an environment slug or "latest", default "production"; or `version`), copies the dataset\'s cases and queues the run; the studio\'s worker runs it. Poll `GET /evals/runs/{id}` until `status` is `completed`, `failed` or `cancelled`.',
    body: "StartEvalRunRequest",
    success: { status: 201, description: "The queued run.", body: "EvalRun" },
    errors: WRITE_ERRORS,
  },
  "eval-run": {
    method: "get",
    path: "/evals/runs/{id}",
    operationId: "getEvalRun",
    summary: "An evaluation's status, progress and summary",
    pathParameters: runId,
    success: { status: 200, description: "The run.", body: "EvalRun" },
    errors: READ_ERRORS,
  },
  "eval-run-results": {
    method: "get",
    path: "/evals/runs/{id}/results",
    operationId: "listEvalRunResults",
    summary: "An evaluation's results, a page at a time, with every scorer's verdict",
    pathParameters: runId,
    query: resultsPageQuerySchema,
    success: { status: 200, description: "One page of results in (case, target) order.", body: "EvalResultList" },
    errors: READ_ERRORS,
  },
  generations: {
    method: "post",
    path: "/generations",
    operationId: "reportGeneration",
    summary: "Record a generation your application made with a deployed prompt (read-write keys)",
    description:
      "Send `version` (the version you rendered) or `label` (the environment you fetched from; what it serves now is recorded). Usage and latency are optional; without a cost, it is estimated from the model's price when known. Bodies over 1 MiB are refused with 413. Returns the id to attach end-user feedback to. When the version has a guard policy, the variables are checked as render checks them (422 `unprocessable:guard` naming the rule, and nothing is stored), and the output is stored with listed words replaced by `[MASKED]` and, unless PII handling is `off`, personal data by `[EMAIL]`, `[PHONE]` or `[CARD]`.",
    body: "ReportGenerationRequest",
    success: { status: 201, description: "Recorded.", body: "GenerationCreated" },
    errors: [...WRITE_ERRORS, 422],
  },
  feedback: {
    method: "post",
    path: "/feedback",
    operationId: "sendFeedback",
    summary: "Attach end-user feedback to a recorded generation (read-write keys)",
    description: "`score` on `scale` (0-1 by default; thumbs = 0 or 1; 1-5; 0-10), stored as 0..1. Bodies over 1 MiB are refused with 413.",
    body: "FeedbackRequest",
    success: { status: 201, description: "Recorded.", body: "FeedbackCreated" },
    errors: WRITE_ERRORS,
  },
  optimizations: {
    method: "post",
    path: "/optimizations",
    operationId: "startOptimization",
    summary: "Start an optimization of a prompt version on a dataset (read-write keys)",
    description:
      `Name the prompt and dataset (\`prompt\`, \`dataset\`) or give their ids, or both. The base version is \`version\` or the latest; the metric defaults to the output equalling the expected output. Budgets above the server's caps (candidates ${BUDGET_CAPS.candidates}, model calls ${BUDGET_CAPS.modelCalls}, $${BUDGET_CAPS.costUsd}, ${BUDGET_CAPS.wallMinutes} minutes) and datasets under ${OPTIMIZER_LIMITS.minCases} cases are refused with 400, and nothing is stored. Bodies over 1 MiB are refused with 413. The studio's worker runs it: poll \`GET /optimizations/{id}\` until \`status\` is \`completed\`, \`failed\` or \`cancelled\`.`,
    body: "StartOptimizationRequest",
    success: { status: 201, description: "The queued optimization.", body: "Optimization" },
    errors: WRITE_ERRORS,
  },
  optimization: {
    method: "get",
    path: "/optimizations/{id}",
    operationId: "getOptimization",
    summary: "An optimization's status, progress, leaderboard and held-out verdict",
    pathParameters: runId,
    success: { status: 200, description: "The optimization.", body: "Optimization" },
    errors: READ_ERRORS,
  },
  "optimization-cancel": {
    method: "post",
    path: "/optimizations/{id}/cancel",
    operationId: "cancelOptimization",
    summary: "Stop a queued or running optimization (read-write keys)",
    description: "Its candidate evaluations stop too. One that already ended answers 409.",
    pathParameters: runId,
    success: { status: 200, description: "The cancelled optimization.", body: "Optimization" },
    errors: OPTIMIZATION_ACTION_ERRORS,
  },
  "optimization-save": {
    method: "post",
    path: "/optimizations/{id}/save",
    operationId: "saveOptimization",
    summary: "Save a completed optimization's best candidate as the prompt's next version (read-write keys)",
    description:
      "The version's commit message names the optimization and its held-out numbers, and its provenance says source `optimization`. It ships only through the usual promotion. A second save, an unfinished run, or one whose best candidate is the baseline answers 409.",
    pathParameters: runId,
    success: { status: 201, description: "The new version.", body: "SavedOptimization" },
    errors: OPTIMIZATION_ACTION_ERRORS,
  },
  lint: {
    method: "get",
    path: "/lint",
    operationId: "lintWorkspace",
    summary: "The prompt linter's findings for every active prompt's latest version",
    description:
      "Linted as a promotion request lints: with the datasets the prompt was evaluated on, the workspace's environments and its severities. Silenced findings carry `silencedReason` and do not count. At most 1,000 prompts (by name); `truncated` says there were more. What `promptops lint --workspace` reads.",
    success: { status: 200, description: "Every prompt's findings and the rules.", body: "WorkspaceLint" },
    errors: READ_ERRORS,
  },
  openapi: {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    public: true,
    conditional: true,
    success: { status: 200, description: "The OpenAPI 3.1 document.", body: { type: "object" } },
    errors: [],
  },
};
