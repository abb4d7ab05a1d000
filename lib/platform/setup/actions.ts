"use server";

import type { z } from "zod";
import type { ActionResult } from "@/lib/platform/http/action";
import { parseInput } from "@/lib/platform/http/route";
import { toAppError } from "@/lib/core/errors";
import { createFirstAdmin, firstAdminSchema } from "@/lib/platform/setup/first-admin";

// The one action that runs without a session: it is allowed only while the studio has no users,
// which createFirstAdmin checks inside its transaction.
export async function setupStudioAction(input: z.input<typeof firstAdminSchema>): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = parseInput(firstAdminSchema, input);
    await createFirstAdmin(parsed);
    return { ok: true, data: { email: parsed.email } };
  } catch (thrown) {
    const error = toAppError(thrown);
    return { ok: false, error: error.message, code: error.code };
  }
}
