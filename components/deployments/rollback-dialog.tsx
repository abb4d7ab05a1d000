"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { rollbackEnvironmentAction } from "@/lib/deployments/actions";
import { VersionDiff } from "@/components/diff/version-diff";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field } from "@/components/ui/input";
import { formatUtc } from "@/lib/core/ui/format-time";
import type { EnvironmentView, RollbackView } from "./types";

/**
 * "Roll back": names the version the environment will serve again, diffs it against what is served, and takes an
 * optional reason that is stored with the rollback. The target is sent along, so the server refuses the move if
 * the environment changed meanwhile.
 */
export function RollbackDialog({
  promptId,
  environment,
  rollback,
  onClose,
}: {
  promptId: string;
  environment: EnvironmentView;
  rollback: RollbackView;
  onClose: () => void;
}) {
  const router = useRouter();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await rollbackEnvironmentAction({ promptId, environmentId: environment.id, toVersion: rollback.version, comment: reason });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(`${environment.name} rolled back to v${result.data.version}`);
      onClose();
      router.refresh();
    });
  }

  return (
    <Dialog open onClose={onClose} title={`Roll back ${environment.name}`} className="max-h-[90vh] max-w-3xl overflow-y-auto">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <p className="text-sm">
          {environment.name} serves <strong>v{environment.version}</strong>. Rolling back serves{" "}
          <strong>v{rollback.version}</strong> again, as deployed here on{" "}
          <time dateTime={rollback.deployedAt}>{formatUtc(rollback.deployedAt)}</time> by {rollback.deployedBy}. A newer version can
          only come back through a promotion.
        </p>
        <VersionDiff
          before={rollback.served}
          after={rollback.content}
          beforeLabel={`v${environment.version} (served)`}
          afterLabel={`v${rollback.version} (after the rollback)`}
        />
        <Field label="Reason" htmlFor={reasonId} hint="Optional. Stored with the rollback in the deployment history and the audit log.">
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={2000}
            className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </Field>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={pending}>
            Roll back to v{rollback.version}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
