// The delivery API's contract, served at /api/v1/openapi.json. Tests validate every response they get against the
// schemas here, so the document cannot drift from what the API answers. Client-safe (plain data).

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const jsonBody = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });

const nameParameter = {
  name: "name",
  in: "path",
  required: true,
  description:
    'The prompt name. Folders are separated by "/", which may be sent percent-encoded (`support%2Ftriage`) or as path segments (`support/triage`). For the POST endpoints the last segment is the action, so a name ending in `/render`, `/versions` or `/promotions` must be encoded.',
  schema: { type: "string", minLength: 1, maxLength: 200 },
} as const;

const evalRunIdParameter = { name: "id", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } } as const;

const nullableNumber = { type: ["number", "null"] } as const;
const nullableRate = { type: ["number", "null"], minimum: 0, maximum: 1 } as const;

const etagHeader = { ETag: { description: "Content-based validator; send it back as If-None-Match.", schema: { type: "string" } } };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "PromptOps Studio delivery API",
    version: "1.0.0",
    description:
      "Fetch the prompt version an environment serves, render it, list prompts, and (with a read-write key) add versions, request promotions, start evaluations, and report generations and end-user feedback. Approving a promotion is only possible for a signed-in lead in the studio. Unknown query parameters and body fields are refused with 400. Responses to GET carry an ETag; a matching If-None-Match gets 304. With STUDIO_API_RATE_LIMIT set, a key over its per-minute budget gets 429 with Retry-After.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/prompts": {
      get: {
        operationId: "listPrompts",
        summary: "List active prompts, by name, a page at a time",
        parameters: [
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
          {
            name: "label",
            in: "query",
            description: 'Only prompts this environment serves a version of. "latest" (or no label) lists every active prompt.',
            schema: { type: "string" },
          },
          { name: "q", in: "query", description: "Search in names, descriptions, tags and the latest template text.", schema: { type: "string", maxLength: 200 } },
          { $ref: "#/components/parameters/IfNoneMatch" },
        ],
        responses: {
          "200": { description: "One page of prompts.", headers: etagHeader, ...jsonBody("PromptList") },
          "304": { description: "The client's copy (its If-None-Match) is current." },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "404": { $ref: "#/components/responses/NotFound" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/prompts/{name}": {
      get: {
        operationId: "getPrompt",
        summary: "The version an environment serves (or a given version), with its partials",
        parameters: [
          nameParameter,
          {
            name: "label",
            in: "query",
            description: 'An environment slug, or "latest" for the newest version. Defaults to "production". Not with `version`.',
            schema: { type: "string", default: "production" },
          },
          { name: "version", in: "query", description: "A version number. Not with `label`.", schema: { type: "integer", minimum: 1 } },
          { $ref: "#/components/parameters/IfNoneMatch" },
        ],
        responses: {
          "200": { description: "The prompt version.", headers: etagHeader, ...jsonBody("Prompt") },
          "304": { description: "The client's copy (its If-None-Match) is current." },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "404": { $ref: "#/components/responses/NotFound" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/prompts/{name}/render": {
      post: {
        operationId: "renderPrompt",
        summary: "Fill in a prompt version's variables, partials included",
        parameters: [nameParameter],
        requestBody: { required: true, ...jsonBody("RenderRequest") },
        responses: {
          "200": { description: "The rendered text (text prompts) or messages (chat prompts).", ...jsonBody("RenderResult") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "404": { $ref: "#/components/responses/NotFound" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/prompts/{name}/versions": {
      post: {
        operationId: "createVersion",
        summary: "Add a version (read-write keys)",
        description:
          "Saved through the same rules as the studio: identical content creates nothing (`created: false`), and a stale `expectedParentVersion` is refused with 409. The audit log names the key.",
        parameters: [nameParameter],
        requestBody: { required: true, ...jsonBody("CreateVersionRequest") },
        responses: {
          "201": { description: "The version (new, or the latest when the content was identical).", ...jsonBody("CreateVersionResult") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "403": { $ref: "#/components/responses/Forbidden" },
          "404": { $ref: "#/components/responses/NotFound" },
          "409": { $ref: "#/components/responses/Conflict" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/prompts/{name}/promotions": {
      post: {
        operationId: "requestPromotion",
        summary: "Ask for a protected environment to serve a version (read-write keys)",
        description: "Creates a pending request that is the key owner's own (a key acts for the member who created it); a signed-in lead or admin other than that member approves it in the studio. Unprotected environments answer 400: keys cannot deploy directly.",
        parameters: [nameParameter],
        requestBody: { required: true, ...jsonBody("PromotionRequest") },
        responses: {
          "201": { description: "The pending request.", ...jsonBody("PromotionResult") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "403": { $ref: "#/components/responses/Forbidden" },
          "404": { $ref: "#/components/responses/NotFound" },
          "409": { $ref: "#/components/responses/Conflict" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/evals/runs": {
      post: {
        operationId: "startEvalRun",
        summary: "Start an evaluation of a prompt version on a dataset (read-write keys)",
        description:
          'Resolves the target (`label`: an environment slug or "latest", default "production"; or `version`), copies the dataset\'s cases and queues the run; the studio\'s worker runs it. Poll `GET /evals/runs/{id}` until `status` is `completed`, `failed` or `cancelled`.',
        requestBody: { required: true, ...jsonBody("StartEvalRunRequest") },
        responses: {
          "201": { description: "The queued run.", ...jsonBody("EvalRun") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "403": { $ref: "#/components/responses/Forbidden" },
          "404": { $ref: "#/components/responses/NotFound" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/evals/runs/{id}": {
      get: {
        operationId: "getEvalRun",
        summary: "An evaluation's status, progress and summary",
        parameters: [evalRunIdParameter],
        responses: {
          "200": { description: "The run.", ...jsonBody("EvalRun") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "404": { $ref: "#/components/responses/NotFound" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/evals/runs/{id}/results": {
      get: {
        operationId: "listEvalRunResults",
        summary: "An evaluation's results, a page at a time, with every scorer's verdict",
        parameters: [
          evalRunIdParameter,
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          { name: "filter", in: "query", schema: { enum: ["all", "failures", "errors", "passed", "unscored"], default: "all" }, description: "`failures` = failed or errored; `unscored` = cases that had no scorer." },
        ],
        responses: {
          "200": { description: "One page of results in (case, target) order.", ...jsonBody("EvalResultList") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "404": { $ref: "#/components/responses/NotFound" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/generations": {
      post: {
        operationId: "reportGeneration",
        summary: "Record a generation your application made with a deployed prompt (read-write keys)",
        description:
          "Send `version` (the version you rendered) or `label` (the environment you fetched from; what it serves now is recorded). Usage and latency are optional; without a cost, it is estimated from the model's price when known. Bodies over 1 MiB are refused with 413. Returns the id to attach end-user feedback to.",
        requestBody: { required: true, ...jsonBody("ReportGenerationRequest") },
        responses: {
          "201": { description: "Recorded.", ...jsonBody("GenerationCreated") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "403": { $ref: "#/components/responses/Forbidden" },
          "404": { $ref: "#/components/responses/NotFound" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/feedback": {
      post: {
        operationId: "sendFeedback",
        summary: "Attach end-user feedback to a recorded generation (read-write keys)",
        description: "`score` on `scale` (0-1 by default; thumbs = 0 or 1; 1-5; 0-10), stored as 0..1. Bodies over 1 MiB are refused with 413.",
        requestBody: { required: true, ...jsonBody("FeedbackRequest") },
        responses: {
          "201": { description: "Recorded.", ...jsonBody("FeedbackCreated") },
          "400": { $ref: "#/components/responses/BadRequest" },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "403": { $ref: "#/components/responses/Forbidden" },
          "404": { $ref: "#/components/responses/NotFound" },
          "413": { $ref: "#/components/responses/PayloadTooLarge" },
          "429": { $ref: "#/components/responses/TooManyRequests" },
          "500": { $ref: "#/components/responses/InternalError" },
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        security: [],
        responses: {
          "200": { description: "The OpenAPI 3.1 document.", headers: etagHeader, content: { "application/json": { schema: { type: "object" } } } },
          "304": { description: "The client's copy (its If-None-Match) is current." },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys: `Authorization: Bearer pos_…`." },
    },
    parameters: {
      IfNoneMatch: { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } },
    },
    responses: {
      BadRequest: errorResponse("Invalid input: a malformed query or body, both label and version, missing template variables, a partial that cannot be included."),
      Unauthorized: errorResponse("No API key, or an unknown or revoked one."),
      Forbidden: errorResponse("The key's scope does not allow this (a read key writing)."),
      NotFound: errorResponse("No such prompt (or archived, or in another workspace), version, environment, or deployment."),
      Conflict: errorResponse("A stale expectedParentVersion, or a promotion that is already pending or already served."),
      TooManyRequests: {
        ...errorResponse("The key is over its rate limit."),
        headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      },
      InternalError: errorResponse("Something failed on the server; the message is generic."),
      PayloadTooLarge: errorResponse("The request body is over the endpoint's size limit."),
    },
    schemas: {
      ReportGenerationRequest: {
        type: "object",
        required: ["prompt", "output"],
        additionalProperties: false,
        properties: {
          prompt: { type: "string", minLength: 1, maxLength: 200, description: "The prompt's name." },
          version: { type: "integer", minimum: 1 },
          label: { type: "string", minLength: 1, maxLength: 64, description: "An environment slug; exclusive with version." },
          variables: { type: "object", additionalProperties: { type: "string", maxLength: 100000 } },
          output: { type: "string", maxLength: 200000 },
          model: { type: "string", maxLength: 200, description: '"<provider>:<model>", e.g. "openai:gpt-4o-mini".' },
          usage: {
            type: "object",
            additionalProperties: false,
            properties: { inputTokens: { type: "integer", minimum: 0 }, outputTokens: { type: "integer", minimum: 0 }, costUsd: { type: "number", minimum: 0 } },
          },
          latencyMs: { type: "integer", minimum: 0 },
          metadata: { type: "object", description: "Free-form, up to 16 KB serialised." },
        },
      },
      GenerationCreated: {
        type: "object",
        required: ["id", "version"],
        additionalProperties: false,
        properties: { id: { type: "string" }, version: { type: "integer", minimum: 1 } },
      },
      FeedbackRequest: {
        type: "object",
        required: ["generationId", "score"],
        additionalProperties: false,
        properties: {
          generationId: { type: "string", minLength: 1, maxLength: 64 },
          score: { type: "number" },
          scale: { enum: ["0-1", "thumbs", "1-5", "0-10"], default: "0-1" },
          comment: { type: "string", maxLength: 5000 },
          metadata: { type: "object", description: "Free-form, up to 16 KB serialised." },
        },
      },
      FeedbackCreated: {
        type: "object",
        required: ["id", "score"],
        additionalProperties: false,
        properties: { id: { type: "string" }, score: { type: "number", minimum: 0, maximum: 1, description: "Normalised to 0..1." } },
      },
      Error: {
        type: "object",
        required: ["error"],
        additionalProperties: false,
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            additionalProperties: false,
            properties: {
              code: { type: "string", pattern: "^[a-z_]+:[a-z_]+$", description: "`type:surface`, e.g. `not_found:prompt`." },
              message: { type: "string", description: "Safe to show to a person." },
            },
          },
        },
      },
      ChatMessage: {
        type: "object",
        required: ["role", "content"],
        additionalProperties: false,
        properties: { role: { enum: ["system", "user", "assistant"] }, content: { type: "string" } },
      },
      ModelConfig: {
        type: "object",
        additionalProperties: false,
        properties: {
          model: { type: "string", description: 'A model id such as "openai:gpt-4o-mini".' },
          temperature: { type: "number", minimum: 0, maximum: 2 },
          maxOutputTokens: { type: "integer", minimum: 1 },
          topP: { type: "number", minimum: 0, maximum: 1 },
          stopSequences: { type: "array", items: { type: "string" }, maxItems: 4 },
          responseFormat: {
            oneOf: [
              { type: "object", required: ["type"], additionalProperties: false, properties: { type: { const: "text" } } },
              { type: "object", required: ["type"], additionalProperties: false, properties: { type: { const: "json" }, schema: { type: "object" } } },
            ],
          },
          tools: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "parameters"],
              additionalProperties: false,
              properties: { name: { type: "string" }, description: { type: "string" }, parameters: { type: "object" } },
            },
          },
        },
      },
      Prompt: {
        type: "object",
        required: ["name", "version", "type", "template", "messages", "modelConfig", "variables", "partials", "environments", "label", "updatedAt"],
        additionalProperties: false,
        properties: {
          name: { type: "string" },
          version: { type: "integer", minimum: 1 },
          type: { enum: ["text", "chat"] },
          template: { type: ["string", "null"], description: "The template of a text prompt; null for chat prompts." },
          messages: {
            oneOf: [{ type: "null" }, { type: "array", items: { $ref: "#/components/schemas/ChatMessage" } }],
            description: "The messages of a chat prompt; null for text prompts.",
          },
          modelConfig: { $ref: "#/components/schemas/ModelConfig" },
          variables: { type: "array", items: { type: "string" }, description: "The inputs the prompt and its partials use (recursively, at each tag's label or version): its own first, then its partials'." },
          partials: {
            type: "object",
            additionalProperties: { type: "string" },
            description:
              'Every partial reachable from the prompt, recursively: the reference as written (`greeting`, `greeting@production`, `greeting@3`) to that partial\'s template. A bare reference resolves in the requested environment (for `version` or `latest`: the latest version).',
          },
          environments: { type: "array", items: { type: "string" }, description: "Slugs of the environments serving this version." },
          label: { type: ["string", "null"], description: "The label asked for (default production); null when a version was asked for." },
          updatedAt: { type: "string", format: "date-time", description: "When this version was created." },
        },
      },
      PromptSummary: {
        type: "object",
        required: ["name", "type", "description", "tags", "latestVersion", "environments"],
        additionalProperties: false,
        properties: {
          name: { type: "string" },
          type: { enum: ["text", "chat"] },
          description: { type: "string" },
          tags: { type: "array", items: { type: "string" } },
          latestVersion: { type: ["integer", "null"], description: "Null for a prompt with no version yet." },
          environments: { type: "object", additionalProperties: { type: "integer" }, description: "Environment slug to the version it serves." },
        },
      },
      PromptList: {
        type: "object",
        required: ["items", "page", "pageSize", "total"],
        additionalProperties: false,
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/PromptSummary" } },
          page: { type: "integer", minimum: 1 },
          pageSize: { type: "integer", minimum: 1 },
          total: { type: "integer", minimum: 0 },
        },
      },
      RenderRequest: {
        type: "object",
        additionalProperties: false,
        properties: {
          label: { type: "string", description: 'Default "production". Not with `version`.' },
          version: { type: "integer", minimum: 1 },
          variables: { type: "object", description: "Values for the template's variables; a missing one is a 400 naming it." },
        },
      },
      RenderResult: {
        type: "object",
        required: ["name", "version", "type"],
        additionalProperties: false,
        properties: {
          name: { type: "string" },
          version: { type: "integer", minimum: 1 },
          type: { enum: ["text", "chat"] },
          text: { type: "string", description: "Text prompts." },
          messages: { type: "array", items: { $ref: "#/components/schemas/ChatMessage" }, description: "Chat prompts." },
        },
      },
      CreateVersionRequest: {
        type: "object",
        required: ["commitMessage"],
        additionalProperties: false,
        properties: {
          template: { type: "string", description: "For a text prompt." },
          messages: { type: "array", items: { $ref: "#/components/schemas/ChatMessage" }, minItems: 1, description: "For a chat prompt." },
          modelConfig: { $ref: "#/components/schemas/ModelConfig", description: "Omitted: the latest version's settings are kept." },
          commitMessage: { type: "string", minLength: 1, maxLength: 500 },
          expectedParentVersion: {
            type: ["integer", "null"],
            minimum: 1,
            description: "The version the change was based on; a newer one exists -> 409. Omitted: based on the latest.",
          },
        },
      },
      CreateVersionResult: {
        type: "object",
        required: ["name", "version", "created"],
        additionalProperties: false,
        properties: { name: { type: "string" }, version: { type: "integer", minimum: 1 }, created: { type: "boolean" } },
      },
      PromotionRequest: {
        type: "object",
        required: ["environment", "version"],
        additionalProperties: false,
        properties: {
          environment: { type: "string", description: "A protected environment's slug, e.g. production." },
          version: { type: "integer", minimum: 1 },
          comment: { type: "string", maxLength: 2000 },
        },
      },
      StartEvalRunRequest: {
        type: "object",
        required: ["prompt", "dataset"],
        additionalProperties: false,
        properties: {
          prompt: { type: "string", description: "The prompt's name, e.g. support/triage." },
          label: { type: "string", description: 'An environment slug (what it serves now) or "latest". Default "production". Not with `version`.' },
          version: { type: "integer", minimum: 1 },
          dataset: { type: "string", description: "The dataset's name." },
          scorers: {
            type: "array",
            description: "Scorers ({ key, type, label, params, threshold? }); omitted: the dataset's default scorers.",
            items: { type: "object" },
          },
          model: { type: "string", description: "One model for the run; omitted: the version's own model." },
          concurrency: { type: "integer", minimum: 1, maximum: 32, default: 4 },
          timeoutMs: { type: "integer", minimum: 1000, maximum: 600000, default: 60000, description: "Per model call." },
          maxRetries: { type: "integer", minimum: 0, maximum: 10, default: 3, description: "Retries of a 429, 5xx or timeout, with backoff." },
          name: { type: "string", maxLength: 200 },
          source: { enum: ["api", "cli"], description: "Where the run was started; shown in the studio." },
        },
      },
      EvalRun: {
        type: "object",
        required: ["id", "name", "status", "prompt", "datasetId", "dataset", "targets", "scorers", "progress", "summary", "errorMessage", "createdAt", "startedAt", "finishedAt"],
        additionalProperties: false,
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          status: { enum: ["queued", "running", "interrupted", "cancelled", "completed", "failed"] },
          prompt: { type: "string" },
          datasetId: { type: "string" },
          dataset: { type: "string", description: "The dataset's name." },
          targets: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "version", "environment", "model"],
              additionalProperties: false,
              properties: { id: { type: "string" }, version: { type: "integer" }, environment: { type: ["string", "null"] }, model: { type: "string" } },
            },
          },
          scorers: {
            type: "array",
            items: {
              type: "object",
              required: ["key", "type", "label", "negate"],
              additionalProperties: false,
              properties: {
                key: { type: "string" },
                type: { type: "string" },
                label: { type: "string" },
                negate: { type: "boolean", description: "The verdict is inverted (promptfoo's `not-` assertions)." },
              },
            },
          },
          progress: {
            type: "object",
            required: ["done", "total", "errors", "etaSeconds"],
            additionalProperties: false,
            properties: {
              done: { type: "integer", minimum: 0 },
              total: { type: "integer", minimum: 0 },
              errors: { type: "integer", minimum: 0 },
              etaSeconds: { type: ["integer", "null"], description: "At the rate of the last 30 s; null when unknown." },
            },
          },
          summary: {
            type: "object",
            required: ["passRate", "passed", "failed", "errors", "unscored", "meanScore", "costUsd", "latencyP50Ms", "latencyP95Ms", "scorers", "targets"],
            additionalProperties: false,
            properties: {
              passRate: {
                ...nullableRate,
                description:
                  "passed / scored cases. A case passes when every scorer on it passed; errors count as not passed; unscored cases (no scorer at all) are left out. Null when no case was scored.",
              },
              passed: { type: "integer" },
              failed: { type: "integer" },
              errors: { type: "integer" },
              unscored: { type: "integer", description: "Cases with no scorer: neither passed nor failed." },
              meanScore: nullableNumber,
              costUsd: nullableNumber,
              latencyP50Ms: nullableNumber,
              latencyP95Ms: nullableNumber,
              scorers: {
                type: "array",
                items: {
                  type: "object",
                  required: ["key", "label", "passRate", "meanScore"],
                  additionalProperties: false,
                  properties: { key: { type: "string" }, label: { type: "string" }, passRate: nullableRate, meanScore: nullableNumber },
                },
              },
              targets: {
                type: "array",
                items: {
                  type: "object",
                  required: ["targetId", "passRate", "passed", "failed", "errors", "unscored"],
                  additionalProperties: false,
                  properties: {
                    targetId: { type: "string" },
                    passRate: nullableRate,
                    passed: { type: "integer" },
                    failed: { type: "integer" },
                    errors: { type: "integer" },
                    unscored: { type: "integer" },
                  },
                },
              },
            },
          },
          errorMessage: { type: ["string", "null"], description: "Why a failed run could not proceed." },
          createdAt: { type: "string", format: "date-time" },
          startedAt: { type: ["string", "null"], format: "date-time" },
          finishedAt: { type: ["string", "null"], format: "date-time" },
        },
      },
      EvalResult: {
        type: "object",
        required: ["id", "targetId", "version", "environment", "case", "variables", "status", "score", "output", "latencyMs", "costUsd", "attempts", "error", "scores"],
        additionalProperties: false,
        properties: {
          id: { type: "string" },
          targetId: { type: "string" },
          version: { type: "integer" },
          environment: { type: ["string", "null"] },
          case: { type: "integer", minimum: 1, description: "The case's position in the run." },
          variables: { type: "object", additionalProperties: { type: "string" } },
          status: { enum: ["passed", "failed", "error", "unscored"], description: "`unscored`: the case had no scorer (neither passed nor failed)." },
          score: nullableNumber,
          output: { type: "string", description: "The model's reply: untrusted text." },
          latencyMs: { type: ["integer", "null"] },
          costUsd: nullableNumber,
          attempts: { type: "integer", minimum: 0 },
          error: { type: ["string", "null"] },
          scores: {
            type: "array",
            items: {
              type: "object",
              required: ["key", "passed", "score", "reason"],
              additionalProperties: false,
              properties: { key: { type: "string" }, passed: { type: "boolean" }, score: nullableNumber, reason: { type: "string" } },
            },
          },
        },
      },
      EvalResultList: {
        type: "object",
        required: ["items", "page", "pageSize", "total"],
        additionalProperties: false,
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/EvalResult" } },
          page: { type: "integer", minimum: 1 },
          pageSize: { type: "integer", minimum: 1 },
          total: { type: "integer", minimum: 0 },
        },
      },
      PromotionResult: {
        type: "object",
        required: ["requestId", "status"],
        additionalProperties: false,
        properties: { requestId: { type: "string" }, status: { const: "pending" } },
      },
    },
  },
} as const;
