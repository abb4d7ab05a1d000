"use server";
// The server actions of releases, the one module client code calls to deploy, promote, approve, roll back and set up
// environments. Each checks its permission in authorizedAction() before it reads the input.

import { userPrincipal } from "@/lib/platform/auth/principal";
import { actionGroup } from "@/lib/platform/http/action";
import { deployVersion, rollbackEnvironment } from "./manage-deployments";
import { approvePromotion, rejectPromotion, requestPromotion, withdrawPromotion } from "./manage-promotions";
import { createEnvironment, setComplianceGates, setEnvironmentGate, setEnvironmentProtected } from "./manage-environments";
import {
  createEnvironmentSchema,
  decideRequestSchema,
  moveEnvironmentSchema,
  rejectRequestSchema,
  rollbackSchema,
  setComplianceGatesSchema,
  setEnvironmentGateSchema,
  setEnvironmentProtectedSchema,
  withdrawRequestSchema,
} from "./schemas";

/** A move shows on prompt pages and the approvals inbox. */
const MOVED = [{ path: "/prompts", type: "layout" }, { path: "/approvals" }] as const;

/** A decision or an environment change shows everywhere: the sidebar counts pending requests, every page lists environments. */
const EVERYWHERE = [{ path: "/", type: "layout" }] as const;

const deploy = actionGroup({ permission: "deployments:deploy", revalidate: MOVED, as: userPrincipal });
const request = actionGroup({ permission: "deployments:request", revalidate: MOVED, as: userPrincipal });
const rollback = actionGroup({ permission: "deployments:rollback", revalidate: MOVED, as: userPrincipal });
const approve = actionGroup({ permission: "deployments:approve", revalidate: EVERYWHERE, as: userPrincipal });
const manage = actionGroup({ permission: "settings:manage", revalidate: EVERYWHERE });

export const deployVersionAction = deploy(moveEnvironmentSchema, deployVersion);
export const requestPromotionAction = request(moveEnvironmentSchema, requestPromotion);
export const withdrawPromotionAction = request(withdrawRequestSchema, withdrawPromotion);
export const rollbackEnvironmentAction = rollback(rollbackSchema, rollbackEnvironment);
export const approvePromotionAction = approve(decideRequestSchema, approvePromotion);
export const rejectPromotionAction = approve(rejectRequestSchema, rejectPromotion);
export const createEnvironmentAction = manage(createEnvironmentSchema, createEnvironment);
export const setEnvironmentProtectedAction = manage(setEnvironmentProtectedSchema, setEnvironmentProtected);
export const setEnvironmentGateAction = manage(setEnvironmentGateSchema, setEnvironmentGate);
export const setComplianceGatesAction = manage(setComplianceGatesSchema, setComplianceGates);
