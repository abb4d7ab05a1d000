"use client";

import { LazyTemplateEditor } from "@/components/editor/template-editor-lazy";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";
import type { TemplateIssue } from "@/lib/core/templates";
import type { TemplateEditorLint } from "@/components/editor/monaco/types";

const ROLE_LABEL = { system: "System", user: "User", assistant: "Assistant" } as const;

export function ChatMessagesEditor({
  messages,
  onChange,
  issues,
  lint,
  variables,
  partialNames,
  readOnly,
  onSave,
}: {
  messages: ChatMessageRecord[];
  onChange: (messages: ChatMessageRecord[]) => void;
  issues: TemplateIssue[][];
  /** The linter's findings, one list per message. */
  lint?: TemplateEditorLint[][];
  variables: string[];
  partialNames: string[];
  readOnly: boolean;
  onSave: () => void;
}) {
  const update = (index: number, patch: Partial<ChatMessageRecord>) => onChange(messages.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...messages];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-3">
      {messages.map((message, index) => (
        <section
          // Position is the identity of a message while editing; reordering remounts the editors, which is fine.
          key={`${index}-${message.role}`}
          aria-label={`Message ${index + 1}`}
          className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <Select
              aria-label={`Role of message ${index + 1}`}
              className="h-8 w-36"
              value={message.role}
              disabled={readOnly}
              onChange={(e) => update(index, { role: e.target.value as ChatMessageRecord["role"] })}
            >
              <option value="system">System</option>
              <option value="user">User</option>
              <option value="assistant">Assistant</option>
            </Select>
            {!readOnly && (
              <span className="ml-auto flex gap-1">
                <Button size="sm" variant="ghost" aria-label={`Move message ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Move message ${index + 1} down`} disabled={index === messages.length - 1} onClick={() => move(index, 1)}>
                  ↓
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove message ${index + 1}`}
                  disabled={messages.length === 1}
                  onClick={() => onChange(messages.filter((_, i) => i !== index))}
                >
                  ✕
                </Button>
              </span>
            )}
          </div>
          <LazyTemplateEditor
            value={message.content}
            onChange={(content) => update(index, { content })}
            ariaLabel={`${ROLE_LABEL[message.role]} message`}
            readOnly={readOnly}
            variables={variables}
            partialNames={partialNames}
            issues={issues[index] ?? []}
            lint={lint?.[index] ?? []}
            onSave={onSave}
            height="auto"
          />
        </section>
      ))}
      {!readOnly && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onChange([...messages, { role: messages.at(-1)?.role === "user" ? "assistant" : "user", content: "" }])}
          >
            Add message
          </Button>
        </div>
      )}
    </div>
  );
}
