import { notFound } from "next/navigation";
import type { Prompt } from "@/db/schema";
import type { AuthContext } from "@/lib/platform/auth/context";
import { isAppError } from "@/lib/core/errors";
import { loadPlaygroundData } from "@/lib/playground/load-playground";
import { Playground } from "./playground";

/** Server part of a prompt's playground: loads versions, models, sets and a reopened run, then hands over. */
export function PromptPlayground({ ctx, prompt, runId, runHref }: { ctx: AuthContext; prompt: Prompt; runId: string | null; runHref: string }) {
  let data;
  try {
    data = loadPlaygroundData(ctx, { prompt, runId });
  } catch (error) {
    if (isAppError(error) && error.type === "not_found") notFound();
    throw error;
  }
  // A new key per reopened run resets the columns when "Open in playground" changes the URL.
  return <Playground key={runId ?? "new"} data={data} runHref={runHref} />;
}
