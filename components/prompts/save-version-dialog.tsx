"use client";

import { useState } from "react";
import { FormDialog, type SubmitResult } from "@/components/ui/form-dialog";
import { Field, Input } from "@/components/ui/input";

/** The commit message outlives the dialog, so a save that meets a conflict keeps it for the save after the rebase. */
export function SaveVersionDialog<T>({
  open,
  nextVersion,
  summary,
  onClose,
  save,
  onSaved,
}: {
  open: boolean;
  nextVersion: number;
  summary: string;
  onClose: () => void;
  save: (commitMessage: string) => Promise<SubmitResult<T>>;
  onSaved: (outcome: T) => void;
}) {
  const [message, setMessage] = useState("");
  return (
    <FormDialog open={open} onClose={onClose} title={`Save v${nextVersion}`} submitLabel="Save version" noValidate submit={() => save(message)} onSuccess={onSaved}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
      <Field label="Commit message" htmlFor="commit-message" hint="What changed and why, for whoever reads the history.">
        <Input id="commit-message" value={message} onChange={(e) => setMessage(e.target.value)} autoFocus required maxLength={500} />
      </Field>
    </FormDialog>
  );
}
