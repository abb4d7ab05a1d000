"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type RunColumnInput } from "@/lib/playground";
import { previewRunAction } from "@/lib/playground/actions";
import type { ChatMessage } from "@/lib/platform/models/types";

type PreviewInput = Pick<RunColumnInput, "promptId" | "source" | "variables" | "followUps">;

/**
 * The exact messages a column sends, collapsed by default: those of its last run, or, before a run, a preview
 * rendered by the server with the current inputs (the same renderer the run uses, partials included).
 */
export function RenderedMessages({ column, sent, preview }: { column: number; sent: ChatMessage[] | null; preview: PreviewInput | null }) {
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: ["playground-preview", preview],
    queryFn: async () => {
      const result = await previewRunAction(preview!);
      if (!result.ok) throw new Error(result.error);
      return result.data.messages;
    },
    enabled: open && sent === null && preview !== null,
    retry: false,
    staleTime: Infinity,
  });
  const messages = sent ?? query.data ?? null;
  return (
    <details className="text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-zinc-600 select-none dark:text-zinc-400" aria-label={`Rendered messages, column ${column}`}>
        Rendered messages
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        {sent === null && query.isPending && open && preview !== null && <p className="text-zinc-500">Rendering…</p>}
        {sent === null && query.error && <p className="text-red-700 dark:text-red-400">{query.error.message}</p>}
        {sent === null && preview === null && <p className="text-zinc-500">Nothing to render: pick a version.</p>}
        {messages && (
          <>
            <p className="text-zinc-500">{sent ? "Sent by the last run:" : "Would be sent with the current inputs:"}</p>
            <ol aria-label={`Messages sent by column ${column}`} className="flex flex-col gap-2">
              {messages.map((message, i) => (
                <li key={i} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                  <p className="mb-1 font-medium text-zinc-600 capitalize dark:text-zinc-400">{message.role}</p>
                  <pre className="font-mono whitespace-pre-wrap break-words">{message.content}</pre>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </details>
  );
}
