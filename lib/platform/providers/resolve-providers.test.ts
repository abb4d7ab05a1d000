import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, providerConfigs } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { deleteProvider, saveProvider } from "./manage-providers";
import { listProviderViews, resolveWorkspaceProviders } from "./resolve-providers";
import { providerInputSchema } from "./schemas";

const KEY = "sk-workspace-secret-0000111122223333";

afterEach(() => vi.unstubAllEnvs());

describe("workspace model providers", () => {
  it("stores the key encrypted, resolves it decrypted, and shows only a mask", () => {
    const { members, workspace } = makeWorkspace(["admin"]);
    saveProvider(members[0]!.ctx, { slug: "ollama", kind: "openai-compatible", label: "Ollama", baseUrl: "http://localhost:11434/v1", apiKey: KEY, models: "llama3.1, qwen2.5" });

    const row = getDb().select().from(providerConfigs).where(eq(providerConfigs.workspaceId, workspace.id)).get()!;
    expect(row.apiKeyCiphertext).not.toContain(KEY);
    expect(row.models).toEqual(["llama3.1", "qwen2.5"]);

    const resolved = resolveWorkspaceProviders({ workspaceId: workspace.id }).find((p) => p.id === "ollama");
    expect(resolved).toMatchObject({ kind: "openai-compatible", apiKey: KEY, baseUrl: "http://localhost:11434/v1" });

    const views = listProviderViews({ workspaceId: workspace.id });
    expect(JSON.stringify(views)).not.toContain(KEY);
    expect(views.find((v) => v.id === "ollama")?.keyHint).toBe("sk-…3333");
    expect(views.find((v) => v.id === "offline")?.source).toBe("built-in");

    const audit = getDb().select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id)).all();
    expect(JSON.stringify(audit)).not.toContain(KEY);
  });

  it("keeps the stored key when an update leaves the key empty", () => {
    const { members, workspace } = makeWorkspace(["admin"]);
    const ctx = members[0]!.ctx;
    saveProvider(ctx, { slug: "openai", kind: "openai", label: "OpenAI", apiKey: KEY });
    saveProvider(ctx, { slug: "openai", kind: "openai", label: "OpenAI (team)", apiKey: "" });
    expect(resolveWorkspaceProviders({ workspaceId: workspace.id }).find((p) => p.id === "openai")).toMatchObject({ label: "OpenAI (team)", apiKey: KEY });
  });

  it("lets workspace settings override an environment provider of the same id", () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-from-env-aaaaaaaaaaaaaaaa");
    const { members, workspace } = makeWorkspace(["admin"]);
    expect(resolveWorkspaceProviders({ workspaceId: workspace.id }).find((p) => p.id === "openai")?.apiKey).toBe("sk-from-env-aaaaaaaaaaaaaaaa");
    saveProvider(members[0]!.ctx, { slug: "openai", kind: "openai", label: "OpenAI", apiKey: KEY });
    expect(resolveWorkspaceProviders({ workspaceId: workspace.id }).find((p) => p.id === "openai")?.apiKey).toBe(KEY);
  });

  it("never shows one workspace's providers to another, and refuses deleting across workspaces", () => {
    const mine = makeWorkspace(["admin"]);
    const theirs = makeWorkspace(["admin"]);
    const saved = saveProvider(theirs.members[0]!.ctx, { slug: "private", kind: "openai", label: "Theirs", apiKey: KEY });
    expect(resolveWorkspaceProviders({ workspaceId: mine.workspace.id }).some((p) => p.id === "private")).toBe(false);
    expect(() => deleteProvider(mine.members[0]!.ctx, { id: saved.id })).toThrow(/not found/);
  });

  it("validates provider input with clear messages", () => {
    const result = providerInputSchema.safeParse({ slug: "offline", kind: "openai-compatible", label: "" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('"offline" is reserved for the built-in demo model.');
    expect(messages).toContain("Give the provider a name.");
    expect(messages).toContain("An OpenAI-compatible server needs its base URL.");
  });
});
