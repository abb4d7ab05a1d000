import { describe, expect, it } from "vitest";
import { countUsers, listActiveMemberships } from "@/lib/platform/auth/queries";
import { AppError } from "@/lib/core/errors";
import { createFirstAdmin, needsFirstRunSetup, slugify } from "./first-admin";

describe("first-run setup", () => {
  it("creates the first admin and workspace once, then refuses", async () => {
    expect(await needsFirstRunSetup()).toBe(true);
    const { userId, workspaceId } = await createFirstAdmin({ workspaceName: "Acme AI", name: "Fran", email: "fran@acme.test", password: "long-enough-pw" });
    expect(await needsFirstRunSetup()).toBe(false);
    expect(await listActiveMemberships({ userId })).toEqual([
      expect.objectContaining({ role: "admin", workspace: expect.objectContaining({ id: workspaceId, slug: "acme-ai" }) }),
    ]);
    await expect(createFirstAdmin({ workspaceName: "Evil", name: "Eve", email: "eve@evil.test", password: "long-enough-pw" })).rejects.toBeInstanceOf(AppError);
    expect(await countUsers()).toBe(1);
  });

  it("slugifies workspace names", () => {
    expect(slugify("  Ünïcode Team / R&D ")).toBe("unicode-team-r-d");
    expect(slugify("!!!")).toBe("workspace");
  });
});
