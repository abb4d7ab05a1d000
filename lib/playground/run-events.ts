// The playground's streaming format: POST /api/playground/run answers `application/x-ndjson`, one JSON event per
// line, in this order: one "start", any number of "delta", then exactly one "done" or "error". A request refused
// before the model is called (invalid input, signed out, no permission, unknown prompt, template error) gets a
// normal JSON error response `{ error, code }` instead. Client-safe.
import type { ChatMessage, ModelToolCall } from "@/lib/platform/models/types";
import type { JsonCheck, RunErrorView, RunStats } from "./types";

export type RunEvent =
  | { type: "start"; runId: string; messages: ChatMessage[] }
  | { type: "delta"; text: string }
  | { type: "done"; runId: string; stats: RunStats; toolCalls: ModelToolCall[]; json: JsonCheck | null }
  | { type: "error"; runId: string; status: "failed" | "cancelled"; stats: RunStats; error: RunErrorView };

export const RUN_STREAM_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

export function encodeRunEvent(event: RunEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/**
 * Reads the events of a run stream as they arrive. `onEvents` gets every event completed by one network read,
 * so a fast stream costs one UI update per read rather than one per token.
 */
export async function readRunEvents(body: ReadableStream<Uint8Array>, onEvents: (events: RunEvent[]) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    const events = lines.filter((line) => line.trim()).map((line) => JSON.parse(line) as RunEvent);
    if (events.length > 0) onEvents(events);
  }
  if (buffered.trim()) onEvents([JSON.parse(buffered) as RunEvent]);
}
