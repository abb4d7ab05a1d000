"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/platform/http/action";
import { changeMemberRole, inviteMember, setMemberDisabled } from "@/lib/platform/members/manage-members";
import { changeRoleSchema, inviteMemberSchema, setMemberDisabledSchema } from "@/lib/platform/members/schemas";

export const inviteMemberAction = authorizedAction({ permission: "members:manage", schema: inviteMemberSchema }, async (input, ctx) => {
  const result = await inviteMember(ctx, input);
  revalidatePath("/settings/members");
  return result;
});

export const changeRoleAction = authorizedAction({ permission: "members:manage", schema: changeRoleSchema }, (input, ctx) => {
  const result = changeMemberRole(ctx, input);
  revalidatePath("/settings/members");
  return result;
});

export const setMemberDisabledAction = authorizedAction({ permission: "members:manage", schema: setMemberDisabledSchema }, (input, ctx) => {
  const result = setMemberDisabled(ctx, input);
  revalidatePath("/settings/members");
  return result;
});
