"use client";

import Form from "next/form";

/**
 * A GET form whose filters apply as soon as one changes: the URL is the state (shareable, back button works), and
 * next/form navigates on the client, so the page keeps its scroll and nothing reloads. There is no Apply button.
 */
export function FilterForm({ action, label, className, children }: { action: string; label: string; className?: string; children: React.ReactNode }) {
  return (
    <Form action={action} aria-label={label} className={className} onChange={(event) => event.currentTarget.requestSubmit()}>
      {children}
    </Form>
  );
}
