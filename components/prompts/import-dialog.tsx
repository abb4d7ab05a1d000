"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormDialog, type SubmitResult } from "@/components/ui/form-dialog";
import type { ImportError } from "@/lib/prompts";

interface ImportSummary {
  created: string[];
  updated: { name: string; added: number[] }[];
  unchanged: string[];
}

export function ImportDialog() {
  const router = useRouter();
  const [problems, setProblems] = useState<ImportError[]>([]);

  async function importFiles(form: FormData): Promise<SubmitResult<ImportSummary>> {
    setProblems([]);
    const response = await fetch("/api/prompts/import", { method: "POST", body: form });
    const body = (await response.json()) as ImportSummary & { error?: string; details?: { errors?: ImportError[] } };
    if (response.ok) return { ok: true, data: body };
    setProblems(body.details?.errors ?? []);
    return { ok: false, error: body.error ?? "The import failed." };
  }

  return (
    <FormDialog
      trigger={{ variant: "secondary", children: "Import" }}
      title="Import prompts"
      className="max-w-2xl"
      submitLabel="Import files"
      onClose={() => setProblems([])}
      submit={importFiles}
      onSuccess={(summary) => {
        const added = summary.updated.reduce((n, u) => n + u.added.length, 0);
        toast.success(`Imported: ${summary.created.length} new prompts, ${added} new versions, ${summary.unchanged.length} unchanged`);
        router.refresh();
      }}
      errorDetails={
        problems.length > 0 && (
          <ul aria-label="Import problems" className="max-h-64 overflow-auto rounded-md border border-red-200 p-2 text-xs dark:border-red-900">
            {problems.map((p, i) => (
              <li key={i} className="py-0.5">
                <code>{p.file}</code> · <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        )
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        YAML files as exported here (<code>prompts/&lt;name&gt;.yaml</code>), or a .zip of them. Everything is checked first; nothing is written
        unless all of it is valid.
      </p>
      <label htmlFor="import-files" className="text-sm font-medium">
        Prompt files
      </label>
      <input id="import-files" name="files" type="file" multiple accept=".yaml,.yml,.zip" required className="text-sm" />
    </FormDialog>
  );
}
