"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";

/** Continues every column's conversation: the message is appended to each column's own history and run. */
export function FollowUpForm({
  disabled,
  hasConversation,
  onSend,
  onClear,
}: {
  disabled: boolean;
  hasConversation: boolean;
  onSend: (message: string) => boolean;
  onClear: () => void;
}) {
  const [message, setMessage] = useState("");
  const send = () => {
    if (!disabled && message.trim() && onSend(message)) setMessage("");
  };
  return (
    <form
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor="follow-up" className="text-sm font-semibold">
        Follow-up message
      </label>
      <p className="text-xs text-zinc-500">Sent to every column that has an answer, after that column&apos;s own conversation so far.</p>
      <Textarea
        id="follow-up"
        rows={2}
        value={message}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onChange={(event) => setMessage(event.target.value)}
        onKeyDown={(event) => {
          // Here Ctrl/Cmd+Enter sends the follow-up rather than re-running the columns.
          if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
            event.preventDefault();
            event.stopPropagation();
            send();
          }
        }}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={disabled || !message.trim()}>
          Send follow-up
        </Button>
        {hasConversation && (
          <Button variant="ghost" disabled={disabled} onClick={onClear}>
            Clear conversations
          </Button>
        )}
      </div>
    </form>
  );
}
