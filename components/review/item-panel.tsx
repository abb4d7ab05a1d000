"use client";

import { useState } from "react";
import { MarkdownOutput } from "@/components/playground/markdown-output";
import { Button } from "@/components/ui/button";
import type { ReviewItemView } from "@/lib/review";

// What is being rated: the input variables, the rendered prompt (collapsed) and the output(s). Model output is
// untrusted: sanitised Markdown (no HTML) or, with Raw, plain text.

function OutputBox({ title, text }: { title: string; text: string }) {
  const [raw, setRaw] = useState(false);
  return (
    <section aria-label={title} className="flex min-w-0 flex-1 flex-col gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Button size="sm" variant="ghost" aria-pressed={raw} aria-label={`Raw ${title.toLowerCase()}`} onClick={() => setRaw(!raw)} className="h-6 px-2 text-xs">
          Raw
        </Button>
      </div>
      {text === "" ? (
        <p className="text-sm text-zinc-500">(empty output)</p>
      ) : raw ? (
        <pre className="text-sm break-words whitespace-pre-wrap">{text}</pre>
      ) : (
        <MarkdownOutput text={text} />
      )}
    </section>
  );
}

export function ItemPanel({ item }: { item: ReviewItemView }) {
  const variables = Object.entries(item.variables);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      {item.source && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {item.source.promptName ?? "Deleted prompt"} {item.source.label} · from {item.source.sourceType.replace("-", " ")}
        </p>
      )}
      {item.reveal && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200">
          Revealed: A was {item.reveal.A.label}; B was {item.reveal.B.label}.
        </p>
      )}
      <section aria-label="Input variables" className="flex flex-col gap-1">
        <h3 className="text-sm font-semibold">Input</h3>
        {variables.length === 0 ? (
          <p className="text-sm text-zinc-500">No variables.</p>
        ) : (
          <dl className="grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            {variables.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{name}</dt>
                <dd className="break-words whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {item.renderedPrompt !== null ? (
        item.renderedPrompt !== "" && (
          <details className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <summary className="cursor-pointer font-medium">Rendered prompt</summary>
            <pre className="mt-2 max-h-64 overflow-auto text-xs break-words whitespace-pre-wrap">{item.renderedPrompt}</pre>
          </details>
        )
      ) : (
        <p className="text-xs text-zinc-500">The rendered prompts are shown after you answer, since they could tell the versions apart.</p>
      )}
      {item.pair ? (
        <div className="flex flex-col gap-3 lg:flex-row">
          <OutputBox title="Output A" text={item.pair.A} />
          <OutputBox title="Output B" text={item.pair.B} />
        </div>
      ) : (
        <OutputBox title="Output" text={item.output ?? ""} />
      )}
    </div>
  );
}
