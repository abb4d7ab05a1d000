import "server-only";
import { z } from "zod";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { workspaces } from "@/db/schema";
import { hashPassword } from "@/lib/platform/auth/password";
import { countUsers } from "@/lib/platform/auth/queries";
import { recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { insertMembership, insertUser } from "@/lib/platform/members/queries";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/platform/members/schemas";

export const firstAdminSchema = z.object({
  workspaceName: z.string().trim().min(1, "Name the workspace.").max(80),
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "") // drop accents left as combining marks: "Ü" -> "U"
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "workspace"
  );
}

export async function needsFirstRunSetup(): Promise<boolean> {
  return (await countUsers()) === 0;
}

/**
 * Only possible while no user exists; the check and the inserts share one immediate transaction. The password is
 * hashed before it, as a transaction may await only the database.
 */
export async function createFirstAdmin(input: z.infer<typeof firstAdminSchema>) {
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) throw new AppError("conflict:setup", "The studio is already set up. Sign in instead.");
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
    const workspace = await only(tx.insert(workspaces).values({ name: input.workspaceName, slug: slugify(input.workspaceName) }).returning());
    await insertMembership(tx, { workspaceId: workspace.id, userId: user.id, role: "admin" });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor: { userId: user.id, label: user.email },
      action: "setup.completed",
      objectType: "workspace",
      objectId: workspace.id,
      after: { workspace: workspace.name, admin: user.email },
    });
    return { userId: user.id, workspaceId: workspace.id };
  });
}
