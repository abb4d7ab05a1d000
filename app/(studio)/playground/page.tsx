import type { Metadata } from "next";
import { PromptPicker } from "@/components/playground/prompt-picker";
import { Playground } from "@/components/playground/playground";
import { loadPlaygroundData } from "@/lib/playground/server";
import { orNotFound } from "@/lib/platform/http/page-data";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { parseRunParam, playgroundHref } from "@/lib/playground";
import { loadPromptPicker } from "@/lib/prompts/server";

export const metadata: Metadata = { title: "Playground" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PlaygroundPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requirePageAuth("prompts:read");
  const params = await searchParams;
  const name = typeof params.prompt === "string" ? params.prompt.slice(0, 200) : null;
  const { names, prompt } = await loadPromptPicker(ctx, name);

  return (
    <>
      <PageHeader
        title="Playground"
        description="Run prompt versions side by side on several models, with streaming output, tokens, latency and cost."
        actions={<PromptPicker names={names} current={prompt?.name ?? null} />}
      />
      {prompt ? (
        <Playground
          // A new key per reopened run resets the columns when "Open in playground" changes the URL.
          key={parseRunParam(params.run) ?? "new"}
          data={await orNotFound(() => loadPlaygroundData(ctx, { prompt, runId: parseRunParam(params.run) }))}
          runHref={playgroundHref({ prompt: prompt.name })}
        />
      ) : (
        <EmptyState title={name ? `No prompt named “${name}”` : "Pick a prompt to start"}>
          {names.length > 0
            ? "Choose a prompt above. Then compare its versions, or the same version on several models, with the same variables, and see tokens, latency and cost for each."
            : "This workspace has no prompts yet. Create one on the Prompts page, then run it here."}
        </EmptyState>
      )}
    </>
  );
}
