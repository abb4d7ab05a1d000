import type { Metadata } from "next";
import { MembersTable } from "@/components/settings/members-table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can, ROLE_DESCRIPTIONS } from "@/lib/platform/auth/policy";
import { listMembers } from "@/lib/platform/members/queries";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await requirePageAuth("members:read");
  const members = (await listMembers({ workspaceId: ctx.workspaceId })).map((m) => ({ ...m, disabled: m.disabledAt !== null, joinedAt: m.joinedAt.toISOString() }));
  return <MembersTable members={members} canManage={can(ctx.role, "members:manage")} currentUserId={ctx.user.id} roleDescriptions={ROLE_DESCRIPTIONS} />;
}
