"use server";

import { headers } from "next/headers";
import { changePassword, changePasswordSchema } from "@/lib/platform/account/change-password";
import { clientAddress } from "@/lib/platform/auth/client-address";
import { authorizedAction } from "@/lib/platform/http/action";

export const changePasswordAction = authorizedAction({ permission: "signed-in", schema: changePasswordSchema }, async (input, ctx) => {
  await changePassword(ctx, input, clientAddress(await headers()));
  return { changed: true };
});
