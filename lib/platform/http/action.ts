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

/** "signed-in" is for actions on the caller's own account, which any member may take. */
type ActionPermission = Permission | "signed-in";

/** A page whose server-rendered data an action changes: a path, or a layout and every page below it. */
export type Revalidate = { path: string; type?: "layout" | "page" };

/**
 * Builds a server action that follows the boundary order: parse the input, check the session, check the
 * permission, then run, then revalidate the pages it changed (only when it succeeded). Failures come back as
 * `{ ok: false, error }` with a safe message, never thrown, so the client can show a toast and keep the user's input.
 */
export function authorizedAction<S extends z.ZodType, T>(
  { permission, schema, revalidate = [] }: { permission: ActionPermission; schema: S; revalidate?: readonly Revalidate[] },
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

/**
 * A feature's actions that share a permission and the pages they change, each a schema and the manage-module writer
 * it calls with the caller (as the writer takes it: the session, or the principal `as` makes of it) and the input:
 * `const write = actionGroup({ permission: "prompts:write", revalidate }); export const saveAction = write(saveSchema, save);`
 */
export function actionGroup<Caller = AuthContext>({
  permission,
  revalidate,
  as = (ctx) => ctx as Caller,
}: {
  permission: ActionPermission;
  revalidate?: readonly Revalidate[];
  as?: (ctx: AuthContext) => Caller;
}) {
  return <S extends z.ZodType, T>(schema: S, write: (caller: Caller, input: z.infer<S>) => Promise<T> | T) =>
    authorizedAction({ permission, schema, revalidate }, (input, ctx) => write(as(ctx), input));
}
