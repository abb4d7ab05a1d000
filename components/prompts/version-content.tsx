import { normaliseJson } from "@/lib/core/diff/normalise-json";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

const block = "overflow-x-auto whitespace-pre-wrap break-words bg-white p-3 font-mono text-sm dark:bg-zinc-950";

function Part({ label, children }: { label: string; children: string }) {
  return (
    <article aria-label={label} className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <h3 className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-sm font-medium dark:border-zinc-800 dark:bg-zinc-900">{label}</h3>
      <pre className={block}>{children}</pre>
    </article>
  );
}

/** One version's content read-only, as text: the template or each message, then its model settings (normalised JSON). */
export function VersionContent({ content }: { content: PromptContent }) {
  return (
    <div className="flex flex-col gap-3">
      {content.type === "text" && <Part label="Template">{content.template ?? ""}</Part>}
      {content.type === "chat" &&
        (content.messages ?? []).map((message, i) => (
          <Part key={i} label={`Message ${i + 1} (${message.role})`}>
            {message.content}
          </Part>
        ))}
      <Part label="Model settings">{normaliseJson(content.modelConfig)}</Part>
    </div>
  );
}
