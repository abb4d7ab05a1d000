import type { Metadata } from "next";
import Link from "next/link";
import { QueueList } from "@/components/review/queue-list";
import { TagsManager } from "@/components/review/tags-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { loadReviewHome } from "@/lib/review/server";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const ctx = await requirePageAuth("review:rate");
  const { queues, manage, tags } = await loadReviewHome(userPrincipal(ctx));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Review"
        description="Human ratings of model outputs: the ground truth the LLM judges and the dashboards are checked against."
        actions={
          manage && (
            <Link href="/review/new" className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3.5 text-sm font-medium text-white hover:bg-indigo-500">
              New queue
            </Link>
          )
        }
      />
      <QueueList queues={queues} canManage={manage} />
      {tags && <TagsManager tags={tags} />}
    </div>
  );
}
