// Client-safe: the browser imports this for role pickers, so it must not pull in the database schema.
export const ROLES = ["admin", "lead", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];
