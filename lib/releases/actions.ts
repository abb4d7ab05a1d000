"use server";
// The server actions of releases, the one module client code calls to deploy, promote, approve, roll back and set up
// environments. Each checks its permission in authorizedAction() before it reads the input.

import { revalidatePath } from "next/cache";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { authorizedAction } from "@/lib/platform/http/action";
import { deployVersion, rollbackEnvironment } from "./manage-deployments";
import { approvePromotion, rejectPromotion, requestPromotion, withdrawPromotion } from "./manage-promotions";
import { createEnvironment, setEnvironmentGate, setEnvironmentProtected } from "./manage-environments";
import {
  createEnvironmentSchema,
  decideRequestSchema,
  moveEnvironmentSchema,
  rejectRequestSchema,
  rollbackSchema,
  setEnvironmentGateSchema,
  setEnvironmentProtectedSchema,
  withdrawRequestSchema,
} from "./schemas";

/** A move shows on prompt pages and the approvals inbox. */
function moved<T>(result: T): T {
  revalidatePath("/prompts", "layout");
  revalidatePath("/approvals");
  return result;
}

/** A decision or an environment change shows everywhere: the sidebar counts pending requests, every page lists environments. */
function changedEverywhere<T>(result: T): T {
  revalidatePath("/", "layout");
  return result;
}

export const deployVersionAction = authorizedAction({ permission: "deployments:deploy", schema: moveEnvironmentSchema }, (input, ctx) =>
  moved(deployVersion(userPrincipal(ctx), input)),
);

export const requestPromotionAction = authorizedAction({ permission: "deployments:request", schema: moveEnvironmentSchema }, (input, ctx) =>
  moved(requestPromotion(userPrincipal(ctx), input)),
);

export const withdrawPromotionAction = authorizedAction({ permission: "deployments:request", schema: withdrawRequestSchema }, (input, ctx) =>
  moved(withdrawPromotion(userPrincipal(ctx), input)),
);

export const rollbackEnvironmentAction = authorizedAction({ permission: "deployments:rollback", schema: rollbackSchema }, (input, ctx) =>
  moved(rollbackEnvironment(userPrincipal(ctx), input)),
);

export const approvePromotionAction = authorizedAction({ permission: "deployments:approve", schema: decideRequestSchema }, (input, ctx) =>
  changedEverywhere(approvePromotion(userPrincipal(ctx), input)),
);

export const rejectPromotionAction = authorizedAction({ permission: "deployments:approve", schema: rejectRequestSchema }, (input, ctx) =>
  changedEverywhere(rejectPromotion(userPrincipal(ctx), input)),
);

export const createEnvironmentAction = authorizedAction({ permission: "settings:manage", schema: createEnvironmentSchema }, (input, ctx) =>
  changedEverywhere(createEnvironment(ctx, input)),
);

export const setEnvironmentProtectedAction = authorizedAction({ permission: "settings:manage", schema: setEnvironmentProtectedSchema }, (input, ctx) =>
  changedEverywhere(setEnvironmentProtected(ctx, input)),
);

export const setEnvironmentGateAction = authorizedAction({ permission: "settings:manage", schema: setEnvironmentGateSchema }, (input, ctx) =>
  changedEverywhere(setEnvironmentGate(ctx, input)),
);
