"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormDialog, type SubmitResult } from "@/components/ui/form-dialog";
import { Field, Input } from "@/components/ui/input";
import type { PromptfooPreview } from "@/lib/evals";

const slug = (fileName: string) =>
  fileName
    .replace(/\.(ya?ml)$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .toLowerCase() || "promptfoo";

async function send(body: { text: string; promptFolder: string; datasetName: string; commit: boolean }): Promise<SubmitResult<Record<string, unknown>>> {
  const response = await fetch("/api/evals/promptfoo-import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await response.json().catch(() => ({ error: "The studio answered something unexpected." }))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data };
  return { ok: false, error: typeof data.error === "string" ? data.error : "The import failed." };
}

/** Upload a promptfooconfig.yaml, see what it becomes (and what it cannot), then create it. */
export function PromptfooImportDialog() {
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const [folder, setFolder] = useState("");
  const [datasetName, setDatasetName] = useState("");
  const [preview, setPreview] = useState<PromptfooPreview | null>(null);

  async function choose(file: File | undefined): Promise<SubmitResult<unknown>> {
    setPreview(null);
    if (!file) return { ok: true, data: null };
    const content = await file.text();
    const base = slug(file.name);
    const names = { promptFolder: folder || `imported/${base}`, datasetName: datasetName || base };
    setText(content);
    setFolder(names.promptFolder);
    setDatasetName(names.datasetName);
    const result = await send({ text: content, ...names, commit: false });
    if (result.ok) setPreview(result.data as unknown as PromptfooPreview);
    return result;
  }

  return (
    <FormDialog
      trigger={{ variant: "secondary", children: "Import promptfoo config" }}
      title="Import a promptfoo config"
      className="max-w-2xl"
      submitLabel="Import"
      submitDisabled={!preview}
      submit={() => send({ text: text ?? "", promptFolder: folder, datasetName, commit: true })}
      onSuccess={(result) => {
        toast.success(`Imported ${String(result.cases)} cases into ${datasetName}`);
        router.push(`/datasets/${String(result.datasetId)}`);
      }}
    >
      {({ run }) => (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Inline prompts become prompts (v1), tests become a dataset whose cases keep their own assertions, and defaultTest assertions become the
            dataset&apos;s default scorers. Anything that cannot be carried over is listed before you import.
          </p>
          <label htmlFor="promptfoo-file" className="text-sm font-medium">
            promptfoo config
          </label>
          <input id="promptfoo-file" type="file" accept=".yaml,.yml" onChange={(e) => void run(() => choose(e.target.files?.[0]))} className="text-sm" />
          <Field label="Prompt folder" htmlFor="promptfoo-folder">
            <Input id="promptfoo-folder" value={folder} onChange={(e) => setFolder(e.target.value)} />
          </Field>
          <Field label="Dataset name" htmlFor="promptfoo-dataset">
            <Input id="promptfoo-dataset" value={datasetName} onChange={(e) => setDatasetName(e.target.value)} />
          </Field>
          {preview && (
            <section aria-label="What will be created" className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              <p>
                {preview.prompts.length} {preview.prompts.length === 1 ? "prompt" : "prompts"}: {preview.prompts.map((p) => p.name).join(", ") || "none"}
              </p>
              <p>
                {preview.caseCount} cases with {preview.caseAssertions} case assertions; default scorers: {preview.defaultScorers.join(", ") || "none"}
              </p>
              {preview.defaultScorers.length === 0 && preview.casesWithoutAssertions > 0 && (
                <p className="text-zinc-600 dark:text-zinc-400">
                  {preview.casesWithoutAssertions} {preview.casesWithoutAssertions === 1 ? "case has" : "cases have"} no assertion: reported as unscored (neither
                  passed nor failed) unless you add a scorer when you start an evaluation.
                </p>
              )}
            </section>
          )}
          {preview && preview.warnings.length > 0 && (
            <ul aria-label="Import warnings" className="max-h-48 list-disc overflow-auto rounded-md border border-amber-300 p-2 pl-6 text-xs dark:border-amber-800">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </FormDialog>
  );
}
