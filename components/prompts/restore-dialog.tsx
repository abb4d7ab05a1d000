"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { sameContent } from "@/lib/prompts";
import { restoreVersionAction } from "@/lib/prompts/actions";
import { VersionDiff } from "@/components/diff/version-diff";
import { FormDialog } from "@/components/ui/form-dialog";
import type { HistoryVersion } from "./version-history";
import { VersionContent } from "./version-content";

/**
 * "Restore": shows the version it would create (the old version's content and settings, as v<latest+1>) and its
 * diff against the latest, and creates it only when confirmed. Nothing is deployed by a restore.
 */
export function RestoreDialog({ promptId, source, latest, onClose }: { promptId: string; source: HistoryVersion; latest: HistoryVersion; onClose: () => void }) {
  const router = useRouter();
  const next = latest.version + 1;
  const identical = sameContent(source.content, latest.content);

  return (
    <FormDialog
      open
      onClose={onClose}
      title={`Restore v${source.version}`}
      className="max-h-[90vh] max-w-3xl overflow-y-auto"
      submitLabel={`Restore as v${next}`}
      submitDisabled={identical}
      submit={() => restoreVersionAction({ promptId, version: source.version, expectedParentVersion: latest.version })}
      onSuccess={(restored) => {
        if (restored.created) toast.success(`Restored v${source.version} as v${restored.version}`);
        else toast.info(`v${source.version} is identical to the latest version; nothing to restore.`);
        router.refresh();
      }}
    >
      {identical ? (
        <p className="text-sm">v{source.version} is identical to the latest version, v{latest.version}: restoring it would create nothing.</p>
      ) : (
        <p className="text-sm">
          Restoring creates <strong>v{next}</strong> with the content and model settings of v{source.version}, on top of v{latest.version}. Environments
          keep serving what they serve now.
        </p>
      )}
      <section aria-label={`Preview of v${next}`} className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">What v{next} would contain</h3>
        <VersionContent content={source.content} />
      </section>
      <VersionDiff before={latest.content} after={source.content} beforeLabel={`v${latest.version} (latest)`} afterLabel={`v${next} (restored from v${source.version})`} />
    </FormDialog>
  );
}
