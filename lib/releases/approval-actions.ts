"use server";

import { revalidatePath } from "next/cache";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { approvePromotion, rejectPromotion } from "@/lib/releases/manage-deployments";
import { decideRequestSchema, rejectRequestSchema } from "@/lib/releases/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

function changed<T>(result: T): T {
  revalidatePath("/", "layout");
  return result;
}

export const approvePromotionAction = authorizedAction({ permission: "deployments:approve", schema: decideRequestSchema }, (input, ctx) =>
  changed(approvePromotion(userPrincipal(ctx), input)),
);

export const rejectPromotionAction = authorizedAction({ permission: "deployments:approve", schema: rejectRequestSchema }, (input, ctx) =>
  changed(rejectPromotion(userPrincipal(ctx), input)),
);
