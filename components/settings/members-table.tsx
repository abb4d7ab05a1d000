"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { changeRoleAction, setMemberDisabledAction } from "@/lib/platform/members/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/input";
import { Table, TableHead, Td } from "@/components/ui/table";
import { ROLES, type Role } from "@/lib/core/roles";
import type { ActionResult } from "@/lib/platform/http/action";
import { InviteMemberDialog } from "./invite-member-dialog";

interface MemberView {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
}

export function MembersTable({
  members,
  canManage,
  currentUserId,
  roleDescriptions,
}: {
  members: MemberView[];
  canManage: boolean;
  currentUserId: string;
  roleDescriptions: Record<Role, string>;
}) {
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<{ changed: boolean }>>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold">Members</h2>
        {canManage && <InviteMemberDialog roleDescriptions={roleDescriptions} />}
      </div>
      <Table aria-label="Members">
        <TableHead columns={["Name", "Email", "Role", "Status", ...(canManage ? ["Actions"] : [])]} />
        <tbody>
          {members.map((m) => (
            <tr key={m.membershipId}>
              <Td className="font-medium">{m.name}</Td>
              <Td>{m.email}</Td>
              <Td>
                {canManage ? (
                  <Select
                    aria-label={`Role of ${m.email}`}
                    className="h-8 w-32"
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => {
                      const role = e.target.value as Role;
                      run(() => changeRoleAction({ membershipId: m.membershipId, role }), `${m.email} is now ${role}`);
                    }}
                  >
                    <Options items={ROLES.map((r) => [r, r] as const)} />
                  </Select>
                ) : (
                  <span title={roleDescriptions[m.role]}>{m.role}</span>
                )}
              </Td>
              <Td>{m.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</Td>
              {canManage && (
                <Td>
                  {m.userId !== currentUserId && (
                    <Button
                      size="sm"
                      variant="secondary"
                      className={m.disabled ? undefined : "text-red-700 dark:text-red-400"}
                      disabled={pending}
                      aria-label={`${m.disabled ? "Enable" : "Disable"} ${m.email}`}
                      onClick={() =>
                        run(
                          () => setMemberDisabledAction({ membershipId: m.membershipId, disabled: !m.disabled }),
                          `${m.email} ${m.disabled ? "enabled" : "disabled"}`,
                        )
                      }
                    >
                      {m.disabled ? "Enable" : "Disable"}
                    </Button>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
