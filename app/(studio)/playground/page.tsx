import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Playground" };

export default async function PlaygroundPage() {
  await requirePageAuth("prompts:read");
  return (
    <PlannedPage title="Playground" emptyTitle="The playground is not built yet">
      It will run prompt versions side by side on several models with streaming output, token counts, latency and cost. The offline demo model is already available to it, so it will work with no API keys.
    </PlannedPage>
  );
}
