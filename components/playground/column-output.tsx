"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { parseJsonOutput, type JsonCheck, type RunToolCall } from "@/lib/playground";
import { cn } from "@/lib/core/ui/cn";

// The Markdown renderer only loads once there is output to show.
const MarkdownOutput = dynamic(() => import("./markdown-output").then((m) => m.MarkdownOutput), {
  loading: () => <p className="text-xs text-zinc-500">Loading…</p>,
});

/**
 * A model's reply, which is untrusted: shown as sanitised Markdown (raw HTML stays text, no script, no images,
 * only http(s)/mailto links) or, with Raw, exactly as it arrived. JSON replies are pretty-printed and checked.
 */
export function ColumnOutput({
  output,
  running,
  toolCalls,
  json,
}: {
  output: string;
  running: boolean;
  toolCalls: RunToolCall[];
  json: JsonCheck | null;
}) {
  const [raw, setRaw] = useState(false);
  const parsed = json?.parses ? parseJsonOutput(output) : null;
  const pretty = parsed?.ok ? JSON.stringify(parsed.value, null, 2) : null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Output</span>
        <Button size="sm" variant="ghost" aria-pressed={raw} onClick={() => setRaw(!raw)} className="h-6 px-2 text-xs">
          Raw
        </Button>
      </div>
      <div
        role="region"
        aria-label="Output"
        aria-busy={running}
        className={cn(
          "max-h-[28rem] min-h-24 overflow-y-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950",
          running && "border-indigo-300 dark:border-indigo-800",
        )}
      >
        {output === "" && toolCalls.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{running ? "Waiting for the first token…" : "No output."}</p>
        ) : raw ? (
          <pre className="font-mono text-xs whitespace-pre-wrap break-words">{output}</pre>
        ) : pretty !== null ? (
          <pre className="font-mono text-xs whitespace-pre-wrap break-words">{pretty}</pre>
        ) : (
          <MarkdownOutput text={output} />
        )}
        {toolCalls.length > 0 && <ToolCalls calls={toolCalls} />}
      </div>
      {json && <JsonCheckSummary check={json} />}
    </div>
  );
}

function ToolCalls({ calls }: { calls: RunToolCall[] }) {
  return (
    <ul aria-label="Tool calls" className="mt-2 flex flex-col gap-2">
      {calls.map((call) => (
        <li key={call.toolCallId} className="rounded border border-zinc-200 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900">
          <p className="text-xs font-medium">
            Tool call: <code className="font-mono">{call.toolName}</code>
          </p>
          <pre className="mt-1 font-mono text-xs whitespace-pre-wrap break-words">{JSON.stringify(call.input, null, 2)}</pre>
        </li>
      ))}
    </ul>
  );
}

function JsonCheckSummary({ check }: { check: JsonCheck }) {
  if (!check.parses) {
    return (
      <p className="text-xs text-red-700 dark:text-red-400" data-testid="json-check">
        Not valid JSON: {check.parseError}
      </p>
    );
  }
  if (check.violations.length === 0) {
    return (
      <p className="text-xs text-emerald-700 dark:text-emerald-400" data-testid="json-check">
        {check.schemaChecked ? "Valid JSON that matches the schema." : "Valid JSON (the response format has no schema to check)."}
      </p>
    );
  }
  return (
    <div className="text-xs text-red-700 dark:text-red-400" data-testid="json-check">
      <p>Valid JSON, but it does not match the schema:</p>
      <ul aria-label="Schema violations" className="list-disc pl-5">
        {check.violations.map((violation, i) => (
          <li key={i}>
            <code className="font-mono">{violation.path}</code> {violation.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
