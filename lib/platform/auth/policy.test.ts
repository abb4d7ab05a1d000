import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { PERMISSIONS, can, queueAccess, requirePermission, requireQueueAccess, requireSameWorkspace, subjectCan, type Permission } from "./policy";

// The full matrix, written out by hand so that a change to the policy must change this table too.
const allowed: Record<Permission, Role[]> = {
  "prompts:read": ["admin", "lead", "editor", "reviewer", "viewer"],
  "prompts:write": ["admin", "lead", "editor"],
  "playground:run": ["admin", "lead", "editor"],
  "datasets:write": ["admin", "lead", "editor"],
  "evals:run": ["admin", "lead", "editor"],
  "optimizations:run": ["admin", "lead", "editor"],
  "deployments:deploy": ["admin", "lead", "editor"],
  "deployments:request": ["admin", "lead", "editor"],
  "deployments:approve": ["admin", "lead"],
  "deployments:rollback": ["admin", "lead"],
  "review:rate": ["admin", "lead", "editor", "reviewer"],
  "review:manage": ["admin", "lead", "editor"],
  "dashboards:read": ["admin", "lead", "editor", "reviewer", "viewer"],
  "generations:write": ["admin"],
  "members:read": ["admin", "lead", "editor", "reviewer", "viewer"],
  "members:manage": ["admin"],
  "settings:manage": ["admin"],
  "apikeys:manage": ["admin"],
  "audit:read": ["admin", "lead"],
};

describe("policy matrix", () => {
  it("has an expectation for every permission", () => {
    expect(Object.keys(allowed).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = allowed[permission].includes(role);
      it(`${expected ? "allows" : "denies"} ${role} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected);
        if (expected) expect(() => requirePermission({ role }, permission)).not.toThrow();
        else expect(() => requirePermission({ role }, permission)).toThrow(AppError);
      });
    }
  }

  it("answers a denial with a 403 that names the permission", () => {
    try {
      requirePermission({ role: "viewer" }, "prompts:write");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
      expect((error as AppError).details).toEqual({ permission: "prompts:write" });
    }
  });
});

describe("workspace ownership", () => {
  it("accepts an object of the caller's workspace", () => {
    expect(() => requireSameWorkspace({ workspaceId: "w1" }, { workspaceId: "w1" })).not.toThrow();
  });

  it("answers 404 for an object of another workspace, hiding that it exists", () => {
    try {
      requireSameWorkspace({ workspaceId: "w1" }, { workspaceId: "w2" }, "Prompt");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).status).toBe(404);
      expect((error as AppError).message).toBe("Prompt was not found in this workspace.");
    }
  });

  it("answers 404 for a missing object", () => {
    expect(() => requireSameWorkspace({ workspaceId: "w1" }, undefined)).toThrow(AppError);
  });
});

describe("API key scopes", () => {
  it("lets a read key read prompts and results, and nothing else", () => {
    const key = { role: "admin" as const, apiKey: { scope: "read" as const } };
    expect(subjectCan(key, "prompts:read")).toBe(true);
    expect(subjectCan(key, "dashboards:read")).toBe(true);
    for (const p of ["prompts:write", "evals:run", "optimizations:run", "generations:write", "deployments:request"] as const) {
      expect(subjectCan(key, p)).toBe(false);
    }
  });

  it("lets a read-write key add versions, request promotions, run evals and report generations, never approve", () => {
    const key = { role: "admin" as const, apiKey: { scope: "read-write" as const } };
    for (const p of ["prompts:write", "deployments:request", "evals:run", "optimizations:run", "generations:write"] as const) {
      expect(subjectCan(key, p)).toBe(true);
    }
    for (const p of ["deployments:approve", "deployments:rollback", "review:rate", "apikeys:manage"] as const) {
      expect(subjectCan(key, p)).toBe(false);
    }
  });
});

describe("API keys act for their owner", () => {
  it("never lets a key do more than its owner's current role allows", () => {
    const editorsKey = { role: "editor" as const, apiKey: { scope: "read-write" as const } };
    for (const p of ["prompts:write", "deployments:request", "evals:run"] as const) expect(subjectCan(editorsKey, p)).toBe(true);
    expect(subjectCan(editorsKey, "generations:write")).toBe(false);
    const viewersKey = { role: "viewer" as const, apiKey: { scope: "read-write" as const } };
    expect(subjectCan(viewersKey, "prompts:read")).toBe(true);
    for (const p of ["prompts:write", "deployments:request", "evals:run", "optimizations:run", "generations:write"] as const) expect(subjectCan(viewersKey, p)).toBe(false);
    expect(() => requirePermission(viewersKey, "deployments:request")).toThrow(/their role \(viewer\) does not allow this/);
  });

  it("lets a key with no recorded owner only read", () => {
    const ownerless = { role: null, apiKey: { scope: "read-write" as const } };
    expect(subjectCan(ownerless, "prompts:read")).toBe(true);
    for (const p of ["prompts:write", "deployments:request", "evals:run", "generations:write"] as const) expect(subjectCan(ownerless, p)).toBe(false);
    expect(() => requirePermission(ownerless, "prompts:write")).toThrow(/no recorded owner/);
  });
});

describe("review queue access", () => {
  const queue = { workspaceId: "w1", createdById: "author" };
  // [role, is the author, is assigned] → [view, rate, manage]
  const table: [Role, boolean, boolean, [boolean, boolean, boolean]][] = [
    ["admin", false, false, [true, false, true]],
    ["lead", false, false, [true, false, true]],
    ["lead", false, true, [true, true, true]],
    ["editor", true, false, [true, false, true]],
    ["editor", false, false, [false, false, false]],
    ["editor", false, true, [true, true, false]],
    ["reviewer", false, true, [true, true, false]],
    ["reviewer", false, false, [false, false, false]],
    ["viewer", false, true, [false, false, false]],
  ];
  it.each(table)("%s (author %s, assigned %s)", (role, author, assigned, [view, rate, manage]) => {
    expect(queueAccess({ role, userId: author ? "author" : "someone" }, queue, { assigned })).toEqual({ view, rate, manage });
  });

  it("answers 404 for a queue the caller cannot see and 403 for one they see but cannot use that way", () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (error) {
        return (error as AppError).status;
      }
    };
    expect(status(() => requireQueueAccess({ workspaceId: "w1", role: "reviewer", userId: "r" }, queue, { assigned: false, need: "rate" }))).toBe(404);
    expect(status(() => requireQueueAccess({ workspaceId: "w1", role: "reviewer", userId: "r" }, queue, { assigned: true, need: "manage" }))).toBe(403);
    expect(status(() => requireQueueAccess({ workspaceId: "w1", role: "admin", userId: "a" }, queue, { assigned: false, need: "rate" }))).toBe(403);
    expect(status(() => requireQueueAccess({ workspaceId: "w2", role: "admin", userId: "a" }, queue, { assigned: true, need: "view" }))).toBe(404);
  });
});
