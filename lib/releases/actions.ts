"use server";

import { revalidatePath } from "next/cache";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { deployVersion, requestPromotion, rollbackEnvironment, withdrawPromotion } from "@/lib/releases/manage-deployments";
import { moveEnvironmentSchema, rollbackSchema, withdrawRequestSchema } from "@/lib/releases/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

function changed<T>(result: T): T {
  revalidatePath("/prompts", "layout");
  revalidatePath("/approvals");
  return result;
}

export const deployVersionAction = authorizedAction({ permission: "deployments:deploy", schema: moveEnvironmentSchema }, (input, ctx) =>
  changed(deployVersion(userPrincipal(ctx), input)),
);

export const requestPromotionAction = authorizedAction({ permission: "deployments:request", schema: moveEnvironmentSchema }, (input, ctx) =>
  changed(requestPromotion(userPrincipal(ctx), input)),
);

export const withdrawPromotionAction = authorizedAction({ permission: "deployments:request", schema: withdrawRequestSchema }, (input, ctx) =>
  changed(withdrawPromotion(userPrincipal(ctx), input)),
);

export const rollbackEnvironmentAction = authorizedAction({ permission: "deployments:rollback", schema: rollbackSchema }, (input, ctx) =>
  changed(rollbackEnvironment(userPrincipal(ctx), input)),
);
