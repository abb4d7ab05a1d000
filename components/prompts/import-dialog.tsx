"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import type { ImportError } from "@/lib/portable/types";

interface ImportSummary {
  created: string[];
  updated: { name: string; added: number[] }[];
  unchanged: string[];
}

export function ImportDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportError[]>([]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const response = await fetch("/api/prompts/import", { method: "POST", body: new FormData(event.currentTarget) });
      const body = (await response.json()) as ImportSummary & { error?: string; details?: { errors?: ImportError[] } };
      if (!response.ok) {
        setError(body.error ?? "The import failed.");
        setProblems(body.details?.errors ?? []);
        return;
      }
      const added = body.updated.reduce((n, u) => n + u.added.length, 0);
      toast.success(`Imported: ${body.created.length} new prompts, ${added} new versions, ${body.unchanged.length} unchanged`);
      setOpen(false);
      router.refresh();
    } catch {
      setError("Could not reach the studio. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Import
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Import prompts" className="max-w-2xl">
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            YAML files as exported here (<code>prompts/&lt;name&gt;.yaml</code>), or a .zip of them. Everything is checked first;
            nothing is written unless all of it is valid.
          </p>
          <label htmlFor="import-files" className="text-sm font-medium">
            Prompt files
          </label>
          <input id="import-files" name="files" type="file" multiple accept=".yaml,.yml,.zip" required className="text-sm" />
          <FormError message={error} />
          {problems.length > 0 && (
            <ul aria-label="Import problems" className="max-h-64 overflow-auto rounded-md border border-red-200 p-2 text-xs dark:border-red-900">
              {problems.map((p, i) => (
                <li key={i} className="py-0.5">
                  <code>{p.file}</code> · <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Import files
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
