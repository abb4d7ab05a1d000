"use client";

import { toast } from "sonner";
import { inviteMemberAction } from "@/lib/platform/members/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/core/vocabulary/password-rules";
import { ROLES, type Role } from "@/lib/core/roles";

export function InviteMemberDialog({ roleDescriptions }: { roleDescriptions: Record<Role, string> }) {
  return (
    <FormDialog
      trigger={{ children: "Invite member" }}
      title="Invite member"
      submitLabel="Add member"
      submit={(form) =>
        inviteMemberAction({
          email: String(form.get("email") ?? ""),
          name: String(form.get("name") ?? ""),
          role: String(form.get("role") ?? "viewer") as Role,
          password: String(form.get("password") ?? ""),
        })
      }
      onSuccess={(member) => toast.success(member.newAccount ? `Added ${member.email}` : `Added existing account ${member.email}`)}
    >
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
    </FormDialog>
  );
}
