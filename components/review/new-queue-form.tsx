"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { type NewQueueOptions } from "@/lib/review";
import { createQueueAction } from "@/lib/review/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormSubmit, submitHandlers } from "@/components/ui/form-submit";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import type { RatingScheme } from "@/db/schema";
import { AssigneePicker } from "./assignee-picker";
import { SourceFields, sourceFromFields, type SourceFieldsState } from "./source-fields";

type SchemeType = RatingScheme["type"];
interface CriterionDraft {
  name: string;
  description: string;
  scale: "1-5" | "yes-no";
}

const DEFAULT_CRITERIA: CriterionDraft[] = [
  { name: "Accuracy", description: "Facts and instructions followed", scale: "1-5" },
  { name: "Tone", description: "Matches the product's voice", scale: "1-5" },
  { name: "Safe", description: "Nothing harmful or private", scale: "yes-no" },
];

function schemeOf(type: SchemeType, criteria: CriterionDraft[]): RatingScheme {
  if (type === "scale") return { type, min: 1, max: 5 };
  if (type === "rubric") return { type, criteria };
  return { type };
}

/** The "New queue" form: name, instructions, scheme, the outputs to take and who reviews them. Ctrl/Cmd+Enter creates it. */
export function NewQueueForm({ options, initialRunId }: { options: NewQueueOptions; initialRunId?: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [instructions, setInstructions] = useState("");
  const [schemeType, setSchemeType] = useState<SchemeType>("scale");
  const [criteria, setCriteria] = useState<CriterionDraft[]>(DEFAULT_CRITERIA);
  const [source, setSource] = useState<SourceFieldsState>({ type: "eval-result", runId: initialRunId ?? "", promptId: "", version: "", environmentId: "", modelId: "", minScore: "", maxScore: "", samplePercent: "100", limit: "200" });
  const [assignees, setAssignees] = useState<string[]>([]);
  const [reviewersPerItem, setReviewersPerItem] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const editCriterion = (i: number, change: Partial<CriterionDraft>) => setCriteria((all) => all.map((c, j) => (j === i ? { ...c, ...change } : c)));

  async function submit() {
    if (busy) return;
    setError(null);
    const built = sourceFromFields(source);
    if ("error" in built) return setError(built.error);
    setBusy(true);
    const result = await createQueueAction({
      name,
      instructions,
      scheme: schemeOf(schemeType, criteria),
      reviewersPerItem: Number(reviewersPerItem),
      assigneeIds: assignees,
      source: built.source,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      return;
    }
    toast.success(`Queue created with ${result.data.added} ${result.data.added === 1 ? "item" : "items"}`);
    router.push(`/review/${result.data.id}/overview`);
  }

  return (
    <form
      className="flex flex-col gap-4"
      aria-label="New review queue"
      {...submitHandlers(submit)}
    >
      <Card className="flex flex-col gap-4">
        <Field label="Name" htmlFor="queue-name">
          <Input id="queue-name" value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} placeholder="e.g. Triage spot check" />
        </Field>
        <Field label="Instructions" htmlFor="queue-instructions" hint="Shown to reviewers above every item.">
          <Textarea id="queue-instructions" value={instructions} maxLength={5000} onChange={(e) => setInstructions(e.target.value)} />
        </Field>
        <Field label="Rating scheme" htmlFor="queue-scheme">
          <Select id="queue-scheme" value={schemeType} onChange={(e) => setSchemeType(e.target.value as SchemeType)}>
            <option value="thumbs">Thumbs up/down</option>
            <option value="scale">1–5 scale</option>
            <option value="rubric">Rubric (named criteria)</option>
            <option value="pairwise">Pairwise A/B (two outputs for the same input, shown blind)</option>
          </Select>
        </Field>
        {schemeType === "rubric" && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Criteria</legend>
            {criteria.map((c, i) => (
              <div key={i} className="grid grid-cols-[1fr_8rem_2fr_auto] items-center gap-2">
                <Input aria-label={`Criterion ${i + 1} name`} value={c.name} maxLength={40} onChange={(e) => editCriterion(i, { name: e.target.value })} />
                <Select aria-label={`Criterion ${i + 1} scale`} value={c.scale} onChange={(e) => editCriterion(i, { scale: e.target.value as CriterionDraft["scale"] })}>
                  <option value="1-5">1–5</option>
                  <option value="yes-no">Yes/No</option>
                </Select>
                <Input aria-label={`Criterion ${i + 1} description`} value={c.description} maxLength={500} onChange={(e) => editCriterion(i, { description: e.target.value })} placeholder="What it means" />
                <Button variant="ghost" size="sm" aria-label={`Remove criterion ${i + 1}`} disabled={criteria.length === 1} onClick={() => setCriteria((all) => all.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </div>
            ))}
            <div>
              <Button variant="secondary" size="sm" disabled={criteria.length >= 10} onClick={() => setCriteria((all) => [...all, { name: "", description: "", scale: "1-5" }])}>
                Add criterion
              </Button>
            </div>
          </fieldset>
        )}
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-base font-semibold">Outputs to rate</h2>
        <SourceFields options={options} state={source} onChange={setSource} pairwise={schemeType === "pairwise"} />
      </Card>

      <Card className="flex flex-col gap-4">
        <h2 className="text-base font-semibold">Reviewers</h2>
        {options.members.length === 0 ? (
          <p className="text-sm text-zinc-500">No member can rate yet: give someone the reviewer role in Settings → Members.</p>
        ) : (
          <AssigneePicker members={options.members} value={assignees} onChange={setAssignees} legendClassName="sr-only" />
        )}
        <Field label="Reviewers per item" htmlFor="queue-rpi" hint="With two or more, agreement between reviewers is measured.">
          <Input id="queue-rpi" type="number" min={1} max={5} value={reviewersPerItem} onChange={(e) => setReviewersPerItem(e.target.value)} className="max-w-24" />
        </Field>
      </Card>

      <FormSubmit error={error} busy={busy}>
        Create queue
      </FormSubmit>
    </form>
  );
}
