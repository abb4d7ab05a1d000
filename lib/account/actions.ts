"use server";

import { headers } from "next/headers";
import { changePassword, changePasswordSchema } from "@/lib/account/change-password";
import { clientAddress } from "@/lib/auth/client-address";
import { authorizedAction } from "@/lib/http/action";

export const changePasswordAction = authorizedAction({ permission: "signed-in", schema: changePasswordSchema }, async (input, ctx) => {
  await changePassword(ctx, input, clientAddress(await headers()));
  return { changed: true };
});
