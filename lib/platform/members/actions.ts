"use server";

import { authorizedAction } from "@/lib/platform/http/action";
import { changeMemberRole, inviteMember, setMemberDisabled } from "@/lib/platform/members/manage-members";
import { changeRoleSchema, inviteMemberSchema, setMemberDisabledSchema } from "@/lib/platform/members/schemas";

/** What these actions change shows on one settings page. */
const MEMBER_PAGES = [{ path: "/settings/members" }] as const;

export const inviteMemberAction = authorizedAction({ permission: "members:manage", schema: inviteMemberSchema, revalidate: MEMBER_PAGES }, (input, ctx) =>
  inviteMember(ctx, input),
);

export const changeRoleAction = authorizedAction({ permission: "members:manage", schema: changeRoleSchema, revalidate: MEMBER_PAGES }, (input, ctx) =>
  changeMemberRole(ctx, input),
);

export const setMemberDisabledAction = authorizedAction({ permission: "members:manage", schema: setMemberDisabledSchema, revalidate: MEMBER_PAGES }, (input, ctx) =>
  setMemberDisabled(ctx, input),
);
