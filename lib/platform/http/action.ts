import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAuth, type AuthContext } from "@/lib/platform/auth/context";
import type { Permission } from "@/lib/platform/auth/policy";
import { toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { waitForWriteLock } from "@/lib/platform/ops/database-busy";
import { parseInput } from "./route";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; details?: Record<string, unknown> };

/** A page whose server-rendered data an action changes: a path, or a layout and every page below it. */
export type Revalidate = { path: string; type?: "layout" | "page" };

/**
 * Builds a server action that follows the boundary order: parse the input, check the session, check the
 * permission, then run, then revalidate the pages it changed (only when it succeeded). Failures come back as
 * `{ ok: false, error }` with a safe message, never thrown, so the client can show a toast and keep the user's input.
 */
export function authorizedAction<S extends z.ZodType, T>(
  // "signed-in" is for actions on the caller's own account, which any member may take.
  { permission, schema, revalidate = [] }: { permission: Permission | "signed-in"; schema: S; revalidate?: readonly Revalidate[] },
  run: (input: z.infer<S>, ctx: AuthContext) => Promise<T> | T,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const parsed = parseInput(schema, input);
      const ctx = await requireAuth(permission === "signed-in" ? undefined : permission);
      // Actions write: wait asynchronously for another process's lock; a 503 carries details.retryAfterSeconds.
      await waitForWriteLock();
      const data = await run(parsed, ctx);
      for (const page of revalidate) revalidatePath(page.path, page.type);
      return { ok: true, data };
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.status >= 500) logger.error({ err: thrown }, "action failed");
      return { ok: false, error: error.message, code: error.code, ...(error.details ? { details: error.details } : {}) };
    }
  };
}
