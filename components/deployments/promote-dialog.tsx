"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { deployVersionAction, requestPromotionAction } from "@/lib/releases/actions";
import { FormDialog, type SubmitResult } from "@/components/ui/form-dialog";
import { Field, Select, Textarea } from "@/components/ui/input";
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
  const environment = environments.find((e) => e.id === environmentId);
  const direct = environment ? !environment.isProtected : false;

  function submit(form: FormData): Promise<SubmitResult<unknown>> {
    const input = { promptId, environmentId, version: Number(version), comment: String(form.get("comment") ?? "") };
    return direct ? deployVersionAction(input) : requestPromotionAction(input);
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Promote a version"
      submitLabel={direct ? "Deploy" : "Request promotion"}
      submitDisabled={!version || !environmentId}
      standingError={direct && !canDeploy ? "Your role cannot deploy." : null}
      submit={submit}
      onSuccess={() => {
        toast.success(direct ? `Deployed v${version} to ${environment?.name}` : `Requested promotion of v${version} to ${environment?.name}; a lead will review it.`);
        router.refresh();
      }}
    >
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
        <Textarea id={ids.comment} name="comment" rows={3} maxLength={2000} />
      </Field>
    </FormDialog>
  );
}
