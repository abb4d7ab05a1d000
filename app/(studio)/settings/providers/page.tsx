import type { Metadata } from "next";
import { ProviderForm } from "@/components/settings/provider-form";
import { ProvidersTable } from "@/components/settings/providers-table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { defaultModelId } from "@/lib/platform/models/catalog";
import { listProviderViews, resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";

export const metadata: Metadata = { title: "Model providers" };

export default async function ProvidersPage() {
  const ctx = await requirePageAuth("settings:manage");
  const fallbackModel = defaultModelId({ providers: await resolveWorkspaceProviders({ workspaceId: ctx.workspaceId }) });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h2 className="text-base font-semibold">Model providers</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The offline demo model always works. Add OpenAI, Anthropic or any OpenAI-compatible server (Ollama, vLLM, LM Studio,
          llama.cpp). Keys are encrypted at rest and never shown again.
        </p>
        <p className="mt-2 text-sm">
          New prompts and runs default to <code data-testid="default-model">{fallbackModel}</code>.
        </p>
      </div>
      <ProvidersTable providers={await listProviderViews({ workspaceId: ctx.workspaceId })} />
      <ProviderForm />
    </div>
  );
}
