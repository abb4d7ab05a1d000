"use server";

import { actionGroup } from "@/lib/platform/http/action";
import { changeMemberRole, inviteMember, setMemberDisabled } from "@/lib/platform/members/manage-members";
import { changeRoleSchema, inviteMemberSchema, setMemberDisabledSchema } from "@/lib/platform/members/schemas";

/** What these actions change shows on one settings page. */
const manage = actionGroup({ permission: "members:manage", revalidate: [{ path: "/settings/members" }] });

export const inviteMemberAction = manage(inviteMemberSchema, inviteMember);
export const changeRoleAction = manage(changeRoleSchema, changeMemberRole);
export const setMemberDisabledAction = manage(setMemberDisabledSchema, setMemberDisabled);
