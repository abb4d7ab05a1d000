import type { LintSource } from "../sources";
import type { LintContext, LintFinding, LintTarget } from "../types";

/** A finding before the workspace's severities and the inline silences are applied. */
export type RawFinding = Omit<LintFinding, "severity" | "silenced">;

export type Check = (sources: readonly LintSource[], context: LintContext, target: LintTarget) => RawFinding[];
