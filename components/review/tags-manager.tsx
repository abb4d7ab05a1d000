"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createTagAction, deleteTagAction } from "@/lib/review/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

/** The workspace's feedback tags, which reviewers attach to ratings ("hallucination", "off-tone", "unsafe"). */
export function TagsManager({ tags }: { tags: { id: string; name: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const result = await createTagAction({ name });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Tag "${result.data.name}" added`);
    setName("");
    router.refresh();
  }

  async function remove(tag: { id: string; name: string }) {
    const result = await deleteTagAction({ tagId: tag.id });
    if (!result.ok) return void toast.error(result.error);
    toast.success(`Tag "${tag.name}" removed; ratings that used it keep it`);
    router.refresh();
  }

  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">Feedback tags</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Reviewers can attach these to any rating, in every queue of the workspace.</p>
      {tags.length === 0 ? (
        <p className="text-sm text-zinc-500">No tags yet. Add one below, e.g. “hallucination”.</p>
      ) : (
        <ul aria-label="Feedback tags" className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li key={tag.id} className="flex items-center gap-1 rounded-full border border-zinc-300 py-0.5 pr-1 pl-2.5 text-xs dark:border-zinc-700">
              {tag.name}
              <button type="button" aria-label={`Remove tag ${tag.name}`} onClick={() => void remove(tag)} className="rounded-full px-1 hover:bg-zinc-200 dark:hover:bg-zinc-800">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex items-end gap-2">
        <Input aria-label="Tag name" placeholder="Tag name" value={name} maxLength={50} onChange={(e) => setName(e.target.value)} className="max-w-60" />
        <Button type="submit" variant="secondary" busy={busy}>
          Add tag
        </Button>
      </form>
    </Card>
  );
}
