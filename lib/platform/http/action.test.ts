// authorizedAction's order and its revalidation: the input is parsed, then the session and the permission checked,
// then the action runs; only an action that succeeded revalidates the pages it names.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import type { AuthContext } from "@/lib/platform/auth/context";

const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

let caller: AuthContext | null = null;
vi.mock("@/lib/platform/auth/context", async () => {
  const { requirePermission } = await import("@/lib/platform/auth/policy");
  return {
    requireAuth: async (permission?: Parameters<typeof requirePermission>[1]) => {
      if (!caller) throw new AppError("unauthorized:auth", "Sign in to continue.");
      if (permission) requirePermission(caller, permission);
      return caller;
    },
  };
});

const { actionGroup, authorizedAction } = await import("./action");

const pages = [{ path: "/prompts", type: "layout" }, { path: "/approvals" }] as const;
const schema = z.object({ name: z.string().min(1) });
const as = (role: AuthContext["role"]) => ({ workspaceId: "w1", user: { id: "u1", email: "e@example.com", name: "E" }, role }) as AuthContext;

describe("authorizedAction", () => {
  beforeEach(() => {
    revalidatePath.mockClear();
    caller = as("editor");
  });

  it("runs the action and then revalidates each page it names, with its type", async () => {
    const run = vi.fn((input: { name: string }) => ({ saved: input.name }));
    const action = authorizedAction({ permission: "prompts:write", schema, revalidate: pages }, run);
    expect(await action({ name: "greeting" })).toEqual({ ok: true, data: { saved: "greeting" } });
    expect(revalidatePath.mock.calls).toEqual([
      ["/prompts", "layout"],
      ["/approvals", undefined],
    ]);
  });

  it("revalidates nothing when the action fails, and answers with its error", async () => {
    const action = authorizedAction({ permission: "prompts:write", schema, revalidate: pages }, () => {
      throw new AppError("conflict:prompt", "Someone saved first.");
    });
    expect(await action({ name: "greeting" })).toEqual({ ok: false, error: "Someone saved first.", code: "conflict:prompt" });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("neither runs nor revalidates for a bad input, a missing session or a missing permission", async () => {
    const run = vi.fn();
    const action = authorizedAction({ permission: "prompts:write", schema, revalidate: pages }, run);
    expect((await action({ name: "" })).ok).toBe(false);
    caller = null;
    expect(await action({ name: "greeting" })).toMatchObject({ ok: false, code: "unauthorized:auth" });
    caller = as("viewer");
    expect(await action({ name: "greeting" })).toMatchObject({ ok: false, code: expect.stringMatching(/^forbidden:/) });
    expect(run).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("actionGroup", () => {
  beforeEach(() => {
    revalidatePath.mockClear();
    caller = as("editor");
  });

  it("calls the writer with the caller as `as` makes it and the parsed input, under the group's permission and pages", async () => {
    const write = vi.fn((who: string, input: { name: string }) => `${who} saved ${input.name}`);
    const save = actionGroup({ permission: "prompts:write", revalidate: pages, as: (ctx) => ctx.user.email })(schema, write);
    expect(await save({ name: "greeting" })).toEqual({ ok: true, data: "e@example.com saved greeting" });
    expect(write).toHaveBeenCalledWith("e@example.com", { name: "greeting" });
    expect(revalidatePath).toHaveBeenCalledTimes(2);
    caller = as("viewer");
    expect(await save({ name: "greeting" })).toMatchObject({ ok: false, code: expect.stringMatching(/^forbidden:/) });
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("hands the session itself to the writer when the group names no `as`", async () => {
    const read = actionGroup({ permission: "prompts:read" })(schema, (ctx, input) => `${ctx.role}:${input.name}`);
    expect(await read({ name: "greeting" })).toEqual({ ok: true, data: "editor:greeting" });
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
