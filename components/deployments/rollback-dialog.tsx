"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { toast } from "sonner";
import { rollbackEnvironmentAction } from "@/lib/releases/actions";
import { VersionDiff } from "@/components/diff/version-diff";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Textarea } from "@/components/ui/input";
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

  return (
    <FormDialog
      open
      onClose={onClose}
      title={`Roll back ${environment.name}`}
      className="max-h-[90vh] max-w-3xl overflow-y-auto"
      submitLabel={`Roll back to v${rollback.version}`}
      submitVariant="danger"
      submit={(form) => rollbackEnvironmentAction({ promptId, environmentId: environment.id, toVersion: rollback.version, comment: String(form.get("reason") ?? "") })}
      onSuccess={(rolledBack) => {
        toast.success(`${environment.name} rolled back to v${rolledBack.version}`);
        router.refresh();
      }}
    >
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
        <Textarea id={reasonId} name="reason" rows={2} maxLength={2000} />
      </Field>
    </FormDialog>
  );
}
