"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/input";

/** The signing secret of a webhook just created: shown this once, never again. */
export function WebhookSecret({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  return (
    <div role="region" aria-label="New signing secret" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
      <p className="mb-3 text-sm">
        Store the signing secret for <span className="font-medium break-all">{url}</span> now. It is shown only once; the receiver
        needs it to check the <code>X-PromptOps-Signature</code> header.
      </p>
      <div className="flex items-end gap-2">
        <div className="grow">
          <Field label="Signing secret" htmlFor="webhook-secret">
            <Input id="webhook-secret" readOnly value={secret} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          </Field>
        </div>
        <CopyButton text={secret} copied="Signing secret copied" failed="Copy failed: select the secret and copy it by hand" />
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
