"use client";

import { useState } from "react";
import { MarkdownOutput } from "@/components/playground/markdown-output";
import { NegatedMark } from "./run-summary";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatCost, formatMs } from "@/lib/playground";
import { ResultStatusBadge } from "./status-badge";
import { useEvalResult } from "./use-eval-run";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** A chat prompt is stored as its messages in JSON; show them one per role. */
function chatMessages(rendered: string): { role: string; content: string }[] | null {
  if (!rendered.startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(rendered);
    return Array.isArray(parsed) && parsed.every((m) => typeof m?.role === "string" && typeof m?.content === "string") ? (parsed as { role: string; content: string }[]) : null;
  } catch {
    return null;
  }
}

const pre = "max-h-60 overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950";

/** One case in full: variables, the prompt as sent, the reply (untrusted: sanitised markdown or raw text), verdicts. */
export function ResultDialog({ runId, resultId, onClose }: { runId: string; resultId: string | null; onClose: () => void }) {
  const query = useEvalResult(runId, resultId);
  const [raw, setRaw] = useState(false);
  const result = query.data;
  return (
    <Dialog open={resultId !== null} onClose={onClose} title={result ? `Case ${result.case}${result.target ? ` · v${result.target.version}` : ""}` : "Case"} className="max-w-3xl">
      {query.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {query.error.message}
        </p>
      ) : !result ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <ResultStatusBadge status={result.status} />
            <span>Tokens: {result.inputTokens ?? "—"} in · {result.outputTokens ?? "—"} out</span>
            <span>Cost: {formatCost(result.costUsd)}</span>
            <span>Latency: {formatMs(result.latencyMs)}</span>
            <span>Attempts: {result.attempts}</span>
            {result.target && <span className="text-xs text-zinc-500">{result.target.model}</span>}
          </div>
          {result.errorMessage && (
            <p role="alert" className="rounded-md bg-amber-50 p-2.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              Error: {result.errorMessage}
            </p>
          )}
          <Section title="Scores">
            {result.scores.length === 0 ? (
              <p className="text-sm text-zinc-500">
                {result.status === "unscored" ? "Unscored: this case has no scorer, so it is neither passed nor failed." : "Not scored (the call failed)."}
              </p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {result.scores.map((s) => (
                  <li key={s.key} className="flex flex-wrap items-baseline gap-2">
                    <Badge tone={s.error ? "warning" : s.passed ? "success" : "danger"}>{s.error ? "error" : s.passed ? "pass" : "fail"}</Badge>
                    <span className="font-medium">
                      {s.label}
                      {s.negate && <NegatedMark />}
                    </span>
                    {s.score !== null && <span className="tabular-nums text-zinc-500">{s.score.toFixed(2)}</span>}
                    <span className="text-zinc-700 dark:text-zinc-300">{s.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Input variables">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {Object.entries(result.variables).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-mono text-xs text-zinc-500">{name}</dt>
                  <dd className="whitespace-pre-wrap break-words">{value}</dd>
                </div>
              ))}
            </dl>
            {result.expectedOutput !== null && <p className="text-sm">Expected: {result.expectedOutput}</p>}
          </Section>
          <Section title="Rendered prompt">
            {chatMessages(result.renderedInput)?.map((m, i) => (
              <div key={i}>
                <span className="text-xs font-medium uppercase text-zinc-500">{m.role}</span>
                <pre className={pre}>{m.content}</pre>
              </div>
            )) ?? <pre className={pre}>{result.renderedInput || "—"}</pre>}
          </Section>
          <Section title="Output">
            <div className="flex items-center gap-2">
              <Button variant="ghost" size="sm" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
                Raw
              </Button>
            </div>
            {raw ? <pre className={pre}>{result.output}</pre> : <div className="max-h-72 overflow-auto rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"><MarkdownOutput text={result.output} /></div>}
          </Section>
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
