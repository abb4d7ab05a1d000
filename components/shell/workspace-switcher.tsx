"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { switchWorkspaceAction } from "@/lib/platform/account/workspace-actions";
import { Options, Select } from "@/components/ui/input";

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="workspace-switcher" className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        Workspace
      </label>
      <Select
        id="workspace-switcher"
        value={current}
        disabled={pending || workspaces.length < 2}
        onChange={(event) => {
          const workspaceId = event.target.value;
          startTransition(async () => {
            const result = await switchWorkspaceAction({ workspaceId });
            if (!result.ok) {
              toast.error(result.error);
              return;
            }
            toast.success(`Switched to ${result.data.name}`);
            router.refresh();
          });
        }}
      >
        <Options items={workspaces.map((w) => [w.id, w.name] as const)} />
      </Select>
    </div>
  );
}
