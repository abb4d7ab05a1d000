import type { FormEvent, KeyboardEvent } from "react";
import { Button } from "./button";
import { FormError } from "./form-error";

/**
 * The end of a form on a page: its error, announced as an alert, above the submit button. `className` places both,
 * e.g. across every column of a form laid out as a grid.
 */
export function FormSubmit({ error, busy, className, children }: { error: string | null; busy: boolean; className?: string; children: React.ReactNode }) {
  return (
    <>
      <FormError message={error} className={className} />
      <div className={className}>
        <Button type="submit" busy={busy}>
          {children}
        </Button>
      </div>
    </>
  );
}

/**
 * A long form's handlers: submitting runs `submit` instead of navigating, and Ctrl/Cmd+Enter submits from any field
 * (Enter alone stays a newline in a textarea).
 */
export function submitHandlers(submit: () => Promise<void>) {
  return {
    onSubmit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      void submit();
    },
    onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submit();
      }
    },
  };
}
