"use client";

import { toast } from "sonner";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard and says so in a toast. Browsers refuse the clipboard in some contexts (no HTTPS, no
 * permission), so `failed` should tell the reader to copy the text by hand.
 */
export function CopyButton({ text, copied, failed }: { text: string; copied: string; failed: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(copied);
    } catch {
      toast.error(failed);
    }
  }

  return (
    <Button variant="secondary" onClick={copy}>
      Copy
    </Button>
  );
}
