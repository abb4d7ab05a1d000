"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";
import { changePasswordAction } from "@/lib/platform/account/actions";
import { FormSubmit } from "@/components/ui/form-submit";
import { Field, Input } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/core/vocabulary/password-rules";

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    formRef.current?.reset();
    toast.success("Password changed");
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Current password" htmlFor="current-password">
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" htmlFor="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" required />
      </Field>
      <FormSubmit error={error} busy={busy}>
        Change password
      </FormSubmit>
    </form>
  );
}
