import { AppError } from "@/lib/core/errors";
import { EVAL_RUN_ID_PATTERN } from "./schemas";

// The delivery API's URL space. A prompt name may contain "/" either as path segments or encoded as %2F, so for
// POST the last raw segment is the action and everything before it is the name: "x/render" is rendered with
// POST /prompts/x%2Frender/render, and GET /prompts/x/render fetches the prompt "x/render".

export const API_BASE = "/api/v1";
export const PROMPTS_PATH = `${API_BASE}/prompts`;
export const PROMPT_PREFIX = `${PROMPTS_PATH}/`;
export const OPENAPI_PATH = `${API_BASE}/openapi.json`;
export const EVAL_RUNS_PATH = `${API_BASE}/evals/runs`;
export const GENERATIONS_PATH = `${API_BASE}/generations`;
export const FEEDBACK_PATH = `${API_BASE}/feedback`;
export const OPTIMIZATIONS_PATH = `${API_BASE}/optimizations`;
export const LINT_PATH = `${API_BASE}/lint`;

const ACTIONS = ["render", "versions", "promotions"] as const;
export type PromptAction = (typeof ACTIONS)[number];

export type DeliveryRoute =
  | { kind: "openapi" }
  | { kind: "list" }
  | { kind: "prompt"; rawName: string }
  | { kind: "action"; action: PromptAction; rawName: string }
  | { kind: "eval-runs" }
  | { kind: "eval-run"; runId: string }
  | { kind: "eval-run-results"; runId: string }
  | { kind: "generations" }
  | { kind: "feedback" }
  | { kind: "optimizations" }
  | { kind: "optimization"; runId: string }
  | { kind: "optimization-cancel"; runId: string }
  | { kind: "optimization-save"; runId: string }
  | { kind: "lint" }
  | { kind: "none" };

/** POST /evals/runs, GET /evals/runs/{id}, GET /evals/runs/{id}/results (lib/evals/runs/api.ts). */
function matchEvalRoute(method: string, rawPath: string): DeliveryRoute {
  if (rawPath === EVAL_RUNS_PATH) return method === "POST" ? { kind: "eval-runs" } : { kind: "none" };
  const match = /^\/([^/]+)(\/results)?$/.exec(rawPath.slice(EVAL_RUNS_PATH.length));
  if (method !== "GET" || !match || !EVAL_RUN_ID_PATTERN.test(match[1]!)) return { kind: "none" };
  return match[2] ? { kind: "eval-run-results", runId: match[1]! } : { kind: "eval-run", runId: match[1]! };
}

/** POST /optimizations, GET /optimizations/{id}, POST /optimizations/{id}/cancel and /save (lib/optimizer/api.ts). */
function matchOptimizationRoute(method: string, rawPath: string): DeliveryRoute {
  if (rawPath === OPTIMIZATIONS_PATH) return method === "POST" ? { kind: "optimizations" } : { kind: "none" };
  const match = /^\/([^/]+)(?:\/(cancel|save))?$/.exec(rawPath.slice(OPTIMIZATIONS_PATH.length));
  if (!match || !EVAL_RUN_ID_PATTERN.test(match[1]!)) return { kind: "none" };
  const runId = match[1]!;
  if (match[2] === undefined) return method === "GET" ? { kind: "optimization", runId } : { kind: "none" };
  if (method !== "POST") return { kind: "none" };
  return match[2] === "cancel" ? { kind: "optimization-cancel", runId } : { kind: "optimization-save", runId };
}

/** `rawPath` is the path as sent, still percent-encoded and without the query. */
export function matchDeliveryRoute(method: string, rawPath: string): DeliveryRoute {
  if (method === "GET" && rawPath === OPENAPI_PATH) return { kind: "openapi" };
  if (method === "GET" && rawPath === PROMPTS_PATH) return { kind: "list" };
  if (rawPath === LINT_PATH) return method === "GET" ? { kind: "lint" } : { kind: "none" };
  if (rawPath.startsWith(EVAL_RUNS_PATH)) return matchEvalRoute(method, rawPath);
  if (rawPath.startsWith(OPTIMIZATIONS_PATH)) return matchOptimizationRoute(method, rawPath);
  if (rawPath === GENERATIONS_PATH) return method === "POST" ? { kind: "generations" } : { kind: "none" };
  if (rawPath === FEEDBACK_PATH) return method === "POST" ? { kind: "feedback" } : { kind: "none" };
  if (!rawPath.startsWith(PROMPT_PREFIX)) return { kind: "none" };
  const rest = rawPath.slice(PROMPT_PREFIX.length);
  if (method === "GET" && rest !== "") return { kind: "prompt", rawName: rest };
  if (method !== "POST") return { kind: "none" };
  const slash = rest.lastIndexOf("/");
  const action = rest.slice(slash + 1);
  const rawName = rest.slice(0, Math.max(0, slash));
  if (slash <= 0 || !(ACTIONS as readonly string[]).includes(action)) return { kind: "none" };
  return { kind: "action", action: action as PromptAction, rawName };
}

/** The prompt name from its raw path form ("support/triage" or "support%2Ftriage"). */
export function decodePromptName(rawName: string): string {
  try {
    return decodeURIComponent(rawName);
  } catch {
    throw new AppError("bad_request:api", "The prompt name in the path is not valid percent-encoding.");
  }
}

/** Splits "path?query" as sent by the client. */
export function splitRawUrl(rawUrl: string): { rawPath: string; rawQuery: string } {
  const question = rawUrl.indexOf("?");
  return question === -1 ? { rawPath: rawUrl, rawQuery: "" } : { rawPath: rawUrl.slice(0, question), rawQuery: rawUrl.slice(question + 1) };
}
