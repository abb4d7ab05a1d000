"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";

export function SaveVersionDialog({
  open,
  nextVersion,
  summary,
  busy,
  error,
  onClose,
  onSave,
}: {
  open: boolean;
  nextVersion: number;
  summary: string;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onSave: (commitMessage: string) => void;
}) {
  const [message, setMessage] = useState("");
  return (
    <Dialog open={open} onClose={onClose} title={`Save v${nextVersion}`}>
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave(message);
        }}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
        <Field label="Commit message" htmlFor="commit-message" hint="What changed and why, for whoever reads the history.">
          <Input id="commit-message" value={message} onChange={(e) => setMessage(e.target.value)} autoFocus required maxLength={500} />
        </Field>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            Save version
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
