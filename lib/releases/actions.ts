"use server";
// The server actions of releases, the one module client code calls to deploy, promote, approve, roll back and set up
// environments. Each checks its permission in authorizedAction() before it reads the input.

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
const MOVED = [{ path: "/prompts", type: "layout" }, { path: "/approvals" }] as const;

/** A decision or an environment change shows everywhere: the sidebar counts pending requests, every page lists environments. */
const EVERYWHERE = [{ path: "/", type: "layout" }] as const;

export const deployVersionAction = authorizedAction({ permission: "deployments:deploy", schema: moveEnvironmentSchema, revalidate: MOVED }, (input, ctx) =>
  deployVersion(userPrincipal(ctx), input),
);

export const requestPromotionAction = authorizedAction({ permission: "deployments:request", schema: moveEnvironmentSchema, revalidate: MOVED }, (input, ctx) =>
  requestPromotion(userPrincipal(ctx), input),
);

export const withdrawPromotionAction = authorizedAction({ permission: "deployments:request", schema: withdrawRequestSchema, revalidate: MOVED }, (input, ctx) =>
  withdrawPromotion(userPrincipal(ctx), input),
);

export const rollbackEnvironmentAction = authorizedAction({ permission: "deployments:rollback", schema: rollbackSchema, revalidate: MOVED }, (input, ctx) =>
  rollbackEnvironment(userPrincipal(ctx), input),
);

export const approvePromotionAction = authorizedAction({ permission: "deployments:approve", schema: decideRequestSchema, revalidate: EVERYWHERE }, (input, ctx) =>
  approvePromotion(userPrincipal(ctx), input),
);

export const rejectPromotionAction = authorizedAction({ permission: "deployments:approve", schema: rejectRequestSchema, revalidate: EVERYWHERE }, (input, ctx) =>
  rejectPromotion(userPrincipal(ctx), input),
);

export const createEnvironmentAction = authorizedAction({ permission: "settings:manage", schema: createEnvironmentSchema, revalidate: EVERYWHERE }, (input, ctx) =>
  createEnvironment(ctx, input),
);

export const setEnvironmentProtectedAction = authorizedAction({ permission: "settings:manage", schema: setEnvironmentProtectedSchema, revalidate: EVERYWHERE }, (input, ctx) =>
  setEnvironmentProtected(ctx, input),
);

export const setEnvironmentGateAction = authorizedAction({ permission: "settings:manage", schema: setEnvironmentGateSchema, revalidate: EVERYWHERE }, (input, ctx) =>
  setEnvironmentGate(ctx, input),
);
