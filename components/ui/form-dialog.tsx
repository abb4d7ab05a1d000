"use client";

import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { Dialog } from "./dialog";
import { FormError } from "./form-error";

/** What a submit comes back with. A server action's ActionResult is one as it is. */
export type SubmitResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** Other work inside the dialog (reading a file for a preview) that shares its pending state and its error. */
export interface FormDialogStep {
  run: (task: () => Promise<SubmitResult<unknown>>) => Promise<void>;
}

// A submit that throws never got an answer: the network, or a server that went away.
const UNREACHABLE = "Could not reach the studio. Try again.";

type Opening =
  /** The dialog keeps its own open state and renders the button that opens it (onOpen: work to start as it opens). */
  | { trigger: Omit<ButtonProps, "onClick">; onOpen?: () => void; open?: undefined; onClose?: () => void }
  /** The caller keeps the open state, e.g. one dialog for many rows, or a keyboard shortcut. */
  | { open: boolean; onClose: () => void; trigger?: undefined; onOpen?: undefined };

export type FormDialogProps<T> = Opening & {
  title: string;
  className?: string;
  submitLabel: ReactNode;
  submitVariant?: ButtonProps["variant"];
  submitDisabled?: boolean;
  /** Skip the browser's own checks (required, type="email") and leave validation to the server's message. */
  noValidate?: boolean;
  submit: (form: FormData) => Promise<SubmitResult<T>>;
  /** Toast and navigate here; the dialog closes itself afterwards. */
  onSuccess: (data: T) => void;
  /** An error known before anyone submits (the role cannot deploy); a submit's own error takes its place. */
  standingError?: string | null;
  /** Shown under the error, e.g. the list of a failed import's problems. */
  errorDetails?: ReactNode;
  children: ReactNode | ((step: FormDialogStep) => ReactNode);
};

/**
 * A dialog holding a form: Cancel and a submit button, the pending state, the error in the dialog, and closing on
 * success. Escape, the focus trap, the labelling and the return of focus come from <Dialog>; Enter submits the form.
 */
export function FormDialog<T>(props: FormDialogProps<T>) {
  const { title, className, submitLabel, submitVariant, submitDisabled, noValidate, submit, onSuccess, standingError, errorDetails, children } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = props.open ?? ownOpen;
  // Each opening starts clean, also when the caller opens it again after an error came back to a closed dialog.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setError(null);
  }

  function close() {
    setOwnOpen(false);
    props.onClose?.();
  }

  async function attempt<R>(task: () => Promise<SubmitResult<R>>): Promise<{ data: R } | null> {
    setPending(true);
    setError(null);
    try {
      const result = await task();
      if (result.ok) return result;
      setError(result.error);
    } catch {
      setError(UNREACHABLE);
    } finally {
      setPending(false);
    }
    return null;
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await attempt(() => submit(form));
    if (!done) return;
    onSuccess(done.data);
    close();
  }

  const step: FormDialogStep = { run: async (task) => void (await attempt(task)) };

  return (
    <>
      {props.trigger && (
        <Button
          {...props.trigger}
          onClick={() => {
            setOwnOpen(true);
            props.onOpen?.();
          }}
        />
      )}
      <Dialog open={open} onClose={close} title={title} className={className}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={noValidate}>
          {typeof children === "function" ? children(step) : children}
          <FormError message={error ?? standingError ?? null} />
          {errorDetails}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant={submitVariant} busy={pending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
