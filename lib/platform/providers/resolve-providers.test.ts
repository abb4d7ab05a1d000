import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, providerConfigs } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { deleteProvider, saveProvider } from "./manage-providers";
import { listProviderViews, resolveWorkspaceProviders } from "./resolve-providers";
import { providerInputSchema } from "./schemas";

const KEY = "sk-workspace-secret-0000111122223333";

afterEach(() => vi.unstubAllEnvs());

describe("workspace model providers", () => {
  it("stores the key encrypted, resolves it decrypted, and shows only a mask", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    await saveProvider(members[0]!.ctx, { slug: "ollama", kind: "openai-compatible", label: "Ollama", baseUrl: "http://localhost:11434/v1", apiKey: KEY, models: "llama3.1, qwen2.5" });

    const row = (await first(getDb().select().from(providerConfigs).where(eq(providerConfigs.workspaceId, workspace.id))))!;
    expect(row.apiKeyCiphertext).not.toContain(KEY);
    expect(row.models).toEqual(["llama3.1", "qwen2.5"]);

    const resolved = (await resolveWorkspaceProviders({ workspaceId: workspace.id })).find((p) => p.id === "ollama");
    expect(resolved).toMatchObject({ kind: "openai-compatible", apiKey: KEY, baseUrl: "http://localhost:11434/v1" });

    const views = await listProviderViews({ workspaceId: workspace.id });
    expect(JSON.stringify(views)).not.toContain(KEY);
    expect(views.find((v) => v.id === "ollama")?.keyHint).toBe("sk-…3333");
    expect(views.find((v) => v.id === "offline")?.source).toBe("built-in");

    const audit = await getDb().select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id));
    expect(JSON.stringify(audit)).not.toContain(KEY);
  });

  it("keeps the stored key when an update leaves the key empty", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    const ctx = members[0]!.ctx;
    await saveProvider(ctx, { slug: "openai", kind: "openai", label: "OpenAI", apiKey: KEY });
    await saveProvider(ctx, { slug: "openai", kind: "openai", label: "OpenAI (team)", apiKey: "" });
    expect((await resolveWorkspaceProviders({ workspaceId: workspace.id })).find((p) => p.id === "openai")).toMatchObject({ label: "OpenAI (team)", apiKey: KEY });
  });

  it("lets workspace settings override an environment provider of the same id", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-from-env-aaaaaaaaaaaaaaaa");
    const { members, workspace } = await makeWorkspace(["admin"]);
    expect((await resolveWorkspaceProviders({ workspaceId: workspace.id })).find((p) => p.id === "openai")?.apiKey).toBe("sk-from-env-aaaaaaaaaaaaaaaa");
    await saveProvider(members[0]!.ctx, { slug: "openai", kind: "openai", label: "OpenAI", apiKey: KEY });
    expect((await resolveWorkspaceProviders({ workspaceId: workspace.id })).find((p) => p.id === "openai")?.apiKey).toBe(KEY);
  });

  it("never shows one workspace's providers to another, and refuses deleting across workspaces", async () => {
    const mine = await makeWorkspace(["admin"]);
    const theirs = await makeWorkspace(["admin"]);
    const saved = await saveProvider(theirs.members[0]!.ctx, { slug: "private", kind: "openai", label: "Theirs", apiKey: KEY });
    expect((await resolveWorkspaceProviders({ workspaceId: mine.workspace.id })).some((p) => p.id === "private")).toBe(false);
    await expect(deleteProvider(mine.members[0]!.ctx, { id: saved.id })).rejects.toThrow(/not found/);
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
