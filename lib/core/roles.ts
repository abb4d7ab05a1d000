// The studio's vocabulary of roles. lib/core: pure and client-safe (role pickers import it), no I/O, nothing of the
// project below it, so db/schema/ and the browser can both take it.
export const ROLES = ["admin", "lead", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];
