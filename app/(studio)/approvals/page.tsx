import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  await requirePageAuth("prompts:read");
  return (
    <PlannedPage title="Approvals" emptyTitle="No pending approvals">
      Promotion requests to protected environments such as Production will wait here for a lead’s approval. Environments and promotions are not built yet.
    </PlannedPage>
  );
}
