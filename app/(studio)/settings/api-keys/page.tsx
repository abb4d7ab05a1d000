import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageAuth("apikeys:manage");
  return (
    <EmptyState title="No API keys yet">
      API keys let applications fetch the prompt version an environment serves. They arrive with environments and the delivery API,
      which are not built yet.
    </EmptyState>
  );
}
