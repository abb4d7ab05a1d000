"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { WORKSPACE_COOKIE } from "@/lib/platform/auth/context";
import { AppError } from "@/lib/core/errors";
import { authorizedAction } from "@/lib/platform/http/action";

const switchWorkspaceSchema = z.object({ workspaceId: z.string().uuid() });

export const switchWorkspaceAction = authorizedAction(
  { permission: "signed-in", schema: switchWorkspaceSchema },
  async ({ workspaceId }, ctx) => {
    const target = ctx.workspaces.find((w) => w.id === workspaceId);
    if (!target) throw new AppError("not_found:workspace", "That workspace was not found among yours.");
    (await cookies()).set(WORKSPACE_COOKIE, target.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
    return { name: target.name };
  },
);
