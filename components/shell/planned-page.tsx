import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** A section whose capability is not built yet: it says so and what it will do, rather than faking it. */
export function PlannedPage({ title, emptyTitle, children }: { title: string; emptyTitle: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={emptyTitle}>{children}</EmptyState>
    </>
  );
}
