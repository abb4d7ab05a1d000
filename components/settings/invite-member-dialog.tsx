"use client";

import { useState } from "react";
import { toast } from "sonner";
import { inviteMemberAction } from "@/lib/platform/members/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/platform/auth/password-rules";
import { ROLES, type Role } from "@/lib/core/roles";
import { FormError } from "@/components/ui/form-error";

export function InviteMemberDialog({ roleDescriptions }: { roleDescriptions: Record<Role, string> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await inviteMemberAction({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "viewer") as Role,
      password: String(form.get("password") ?? ""),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(result.data.newAccount ? `Added ${result.data.email}` : `Added existing account ${result.data.email}`);
    setOpen(false);
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite member</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Invite member">
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <Field label="Email" htmlFor="invite-email">
            <Input id="invite-email" name="email" type="email" required />
          </Field>
          <Field label="Name" htmlFor="invite-name">
            <Input id="invite-name" name="name" required />
          </Field>
          <Field label="Role" htmlFor="invite-role">
            <Select id="invite-role" name="role" defaultValue="editor">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r} — {roleDescriptions[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Initial password"
            htmlFor="invite-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Share it privately; ignored if the person already has an account.`}
          >
            <Input id="invite-password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
          </Field>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Add member
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
