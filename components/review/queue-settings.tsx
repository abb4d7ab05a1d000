"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { type NewQueueOptions } from "@/lib/review";
import { addQueueItemsAction, archiveQueueAction, updateQueueAction } from "@/lib/review/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/input";
import { AssigneePicker } from "./assignee-picker";
import { SourceFields, sourceFromFields, type SourceFieldsState } from "./source-fields";

/** Who reviews a queue and how many reviewers each item needs; its instructions; archive. */
export function QueueSettings({
  queue,
  assigneeIds,
  members,
}: {
  queue: { id: string; name: string; instructions: string; reviewersPerItem: number; archived: boolean };
  assigneeIds: string[];
  members: NewQueueOptions["members"];
}) {
  const router = useRouter();
  const [instructions, setInstructions] = useState(queue.instructions);
  const [reviewersPerItem, setReviewersPerItem] = useState(String(queue.reviewersPerItem));
  const [assignees, setAssignees] = useState(assigneeIds);
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await updateQueueAction({ queueId: queue.id, instructions, reviewersPerItem: Number(reviewersPerItem), assigneeIds: assignees });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success("Queue saved");
    router.refresh();
  }

  async function archive() {
    const result = await archiveQueueAction({ queueId: queue.id, archived: !queue.archived });
    if (!result.ok) return void toast.error(result.error);
    toast.success(queue.archived ? "Queue restored" : "Queue archived: ratings are now read-only");
    router.refresh();
  }

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-base font-semibold">Settings</h2>
      <form onSubmit={save} className="flex flex-col gap-4" aria-label="Queue settings">
        <Field label="Instructions" htmlFor="settings-instructions">
          <Textarea id="settings-instructions" value={instructions} maxLength={5000} onChange={(e) => setInstructions(e.target.value)} />
        </Field>
        <AssigneePicker members={members} value={assignees} onChange={setAssignees} />
        <Field label="Reviewers per item" htmlFor="settings-rpi">
          <Input id="settings-rpi" type="number" min={1} max={5} value={reviewersPerItem} onChange={(e) => setReviewersPerItem(e.target.value)} className="max-w-24" />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" busy={busy}>
            Save changes
          </Button>
          <Button variant={queue.archived ? "secondary" : "danger"} onClick={() => void archive()}>
            {queue.archived ? "Restore queue" : "Archive queue"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Adds more outputs to a queue; what is already in it is skipped. */
export function AddItemsForm({ queueId, options, pairwise }: { queueId: string; options: NewQueueOptions; pairwise: boolean }) {
  const router = useRouter();
  const [source, setSource] = useState<SourceFieldsState>({ type: "eval-result", runId: "", promptId: "", version: "", environmentId: "", modelId: "", minScore: "", maxScore: "", samplePercent: "100", limit: "200" });
  const [busy, setBusy] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const built = sourceFromFields(source);
    if ("error" in built) return void toast.error(built.error);
    setBusy(true);
    const result = await addQueueItemsAction({ queueId, source: built.source });
    setBusy(false);
    if (!result.ok) return void toast.error(result.error);
    toast.success(result.data.added === 0 ? "Nothing new to add: every match is already in the queue" : `Added ${result.data.added} ${result.data.added === 1 ? "item" : "items"}`);
    router.refresh();
  }

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-base font-semibold">Add items</h2>
      <form onSubmit={add} className="flex flex-col gap-4" aria-label="Add items">
        <SourceFields options={options} state={source} onChange={setSource} pairwise={pairwise} />
        <div>
          <Button type="submit" variant="secondary" busy={busy}>
            Add items
          </Button>
        </div>
      </form>
    </Card>
  );
}
