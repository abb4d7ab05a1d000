"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { deployVersionAction, requestPromotionAction } from "@/lib/deployments/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Select } from "@/components/ui/input";
import type { EnvironmentView } from "./types";

/** "Promote": pick a version and an environment; protected environments get a request, others a direct deploy. */
export function PromoteDialog({
  promptId,
  versions,
  environments,
  canDeploy,
  initialEnvironmentId,
  open,
  onClose,
}: {
  promptId: string;
  versions: number[];
  environments: EnvironmentView[];
  canDeploy: boolean;
  initialEnvironmentId?: string;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const ids = { version: useId(), environment: useId(), comment: useId() };
  const [version, setVersion] = useState(String(versions[0] ?? ""));
  const [environmentId, setEnvironmentId] = useState(initialEnvironmentId ?? environments.find((e) => e.isProtected)?.id ?? environments[0]?.id ?? "");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const environment = environments.find((e) => e.id === environmentId);
  const direct = environment ? !environment.isProtected : false;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const input = { promptId, environmentId, version: Number(version), comment };
      const result = direct ? await deployVersionAction(input) : await requestPromotionAction(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(direct ? `Deployed v${version} to ${environment?.name}` : `Requested promotion of v${version} to ${environment?.name}; a lead will review it.`);
      setComment("");
      onClose();
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title="Promote a version">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <Field label="Version" htmlFor={ids.version}>
          <Select id={ids.version} value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v, i) => (
              <option key={v} value={v}>
                v{v}
                {i === 0 ? " (latest)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Environment"
          htmlFor={ids.environment}
          hint={environment ? (direct ? `${environment.name} is not protected: this deploys at once.` : `${environment.name} is protected: a lead or admin other than you approves.`) : undefined}
        >
          <Select id={ids.environment} value={environmentId} onChange={(e) => setEnvironmentId(e.target.value)}>
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
                {e.isProtected ? " (protected)" : ""}
                {e.version ? ` · serves v${e.version}` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Comment" htmlFor={ids.comment} hint="Why this version should go out; reviewers see it next to the diff.">
          <textarea
            id={ids.comment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            maxLength={2000}
            className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </Field>
        <FormError message={error ?? (direct && !canDeploy ? "Your role cannot deploy." : null)} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={pending} disabled={!version || !environmentId}>
            {direct ? "Deploy" : "Request promotion"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
