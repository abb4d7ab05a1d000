import type { DeploymentKind, PromotionStatus } from "@/db/schema";
import type { GateOverride } from "@/lib/core/vocabulary/compliance";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

/** Where "Roll back" takes an environment (lib/releases/rollback-target.ts), with what the dialog diffs. */
export interface RollbackView {
  version: number;
  deployedAt: string;
  deployedBy: string;
  served: PromptContent;
  content: PromptContent;
}

export interface EnvironmentView {
  id: string;
  slug: string;
  name: string;
  isProtected: boolean;
  version: number | null;
  rollback: RollbackView | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface DeploymentView {
  id: string;
  kind: DeploymentKind;
  environmentName: string;
  fromVersion: number | null;
  toVersion: number;
  requestedByLabel: string;
  approvedByLabel: string | null;
  comment: string;
  createdAt: string;
  promptName?: string;
  /** An admin approved this promotion although gates failed (issue 19). */
  gateOverride?: GateOverride | null;
}

export interface RequestView {
  id: string;
  promptName: string;
  environmentName: string;
  version: number;
  baseVersion: number | null;
  requestedByLabel: string;
  comment: string;
  status: PromotionStatus;
  createdAt: string;
  mine: boolean;
}
