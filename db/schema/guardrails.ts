import { index, integer, sqliteTable, text, uniqueIndex } from "./dialect";
import { ref } from "./columns";
import { workspaces } from "./identity";
import { prompts } from "./prompts";

// Guard policies' decisions on served prompts (issue 19). db/schema/index.ts gathers every group.

export const GUARD_ACTIONS = ["blocked", "masked"] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];
export const GUARD_SURFACES = ["render", "generation"] as const;
export type GuardSurface = (typeof GUARD_SURFACES)[number];

/**
 * How often a version's guard policy blocked an input or masked an output, per rule and UTC day: what the prompt
 * page shows. A counter per key, not a row per event, so an attacker hammering render grows no table.
 */
export const guardBlockCounts = sqliteTable(
  "guard_block_counts",
  {
    workspaceId: ref("workspace_id", () => workspaces.id),
    promptId: ref("prompt_id", () => prompts.id),
    version: integer("version").notNull(),
    /** The policy rule: "denied-topic", "word-list", "pii", "max-input-length". */
    rule: text("rule").notNull(),
    action: text("action", { enum: GUARD_ACTIONS }).notNull(),
    surface: text("surface", { enum: GUARD_SURFACES }).notNull(),
    /** UTC day: milliseconds since the epoch / 86,400,000. */
    day: integer("day").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    uniqueIndex("guard_block_counts_key").on(t.promptId, t.version, t.rule, t.action, t.surface, t.day),
    index("guard_block_counts_workspace_day").on(t.workspaceId, t.day),
  ],
);
export type GuardBlockCount = typeof guardBlockCounts.$inferSelect;
