"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { archivePromptAction } from "@/lib/prompts/actions";
import { Badge, TagList } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EditDetailsDialog } from "./edit-details-dialog";
import { RenameDialog } from "./rename-dialog";
import { RedTeamDialog } from "@/components/datasets/red-team-dialog";

interface HeaderPrompt {
  id: string;
  name: string;
  type: "text" | "chat";
  description: string;
  tags: string[];
  archived: boolean;
}

/** What "Generate red-team dataset" needs; null when the caller cannot create datasets or there is no version. */
interface RedTeamOptions {
  models: { id: string; label: string }[];
  defaultModel: string;
}

export function PromptHeader({
  prompt,
  latestVersion,
  canWrite,
  redTeam = null,
}: {
  prompt: HeaderPrompt;
  latestVersion: number | null;
  canWrite: boolean;
  redTeam?: RedTeamOptions | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function toggleArchived() {
    startTransition(async () => {
      const result = await archivePromptAction({ promptId: prompt.id, archived: !prompt.archived });
      if (!result.ok) toast.error(result.error);
      else toast.success(prompt.archived ? "Prompt restored from the archive" : "Prompt archived; its history is kept");
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight">
          {prompt.name}
          <Badge tone="info">{prompt.type === "chat" ? "Chat" : "Text"}</Badge>
          {latestVersion ? <Badge>latest v{latestVersion}</Badge> : <Badge tone="warning">no versions yet</Badge>}
          {prompt.archived && <Badge tone="danger">Archived</Badge>}
        </h1>
        {prompt.description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{prompt.description}</p>}
        {prompt.tags.length > 0 && <TagList tags={prompt.tags} className="mt-1" />}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={`/api/prompts/export?name=${encodeURIComponent(prompt.name)}`}
          className="inline-flex h-8 items-center rounded-md border border-zinc-300 px-2.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Export YAML
        </a>
        {redTeam && latestVersion && !prompt.archived && <RedTeamDialog promptId={prompt.id} version={latestVersion} models={redTeam.models} defaultModel={redTeam.defaultModel} />}
        {canWrite && (
          <>
            <EditDetailsDialog prompt={prompt} disabled={pending || prompt.archived} />
            <RenameDialog prompt={prompt} disabled={pending || prompt.archived} />
            <Button size="sm" variant="secondary" onClick={toggleArchived} busy={pending}>
              {prompt.archived ? "Unarchive" : "Archive"}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
