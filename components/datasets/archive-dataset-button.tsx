"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { archiveDatasetAction } from "@/lib/datasets/actions";
import { Button } from "@/components/ui/button";

export function ArchiveDatasetButton({ datasetId, archived }: { datasetId: string; archived: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    const result = await archiveDatasetAction({ datasetId, archived: !archived });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(archived ? "Dataset restored" : "Dataset archived: it is hidden from lists and new evaluations");
    router.refresh();
  }
  return (
    <Button variant="ghost" busy={busy} onClick={onClick}>
      {archived ? "Unarchive" : "Archive"}
    </Button>
  );
}
