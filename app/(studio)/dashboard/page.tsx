import type { Metadata } from "next";
import { PlannedPage } from "@/components/shell/planned-page";
import { requirePageAuth } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePageAuth("dashboards:read");
  return (
    <PlannedPage title="Dashboard" emptyTitle="Nothing to chart yet">
      Eval pass rates, costs, latencies and human ratings will be charted here once evaluations and reviews produce data.
    </PlannedPage>
  );
}
