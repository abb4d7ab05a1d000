import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/input";

/** A plain GET form, so a comparison is a shareable URL and works before any script loads. */
export function ComparePicker({ runs, a, b }: { runs: { id: string; label: string }[]; a: string; b: string }) {
  return (
    <form action="/evaluations/compare" method="get" className="flex flex-wrap items-end gap-3">
      {[
        { name: "a", label: "Baseline (A)", value: a },
        { name: "b", label: "Candidate (B)", value: b },
      ].map((field) => (
        <div key={field.name} className="flex min-w-64 flex-col gap-1">
          <label htmlFor={`compare-${field.name}`} className="text-xs font-medium">
            {field.label}
          </label>
          <Select id={`compare-${field.name}`} name={field.name} defaultValue={field.value} required>
            <option value="">Choose an evaluation…</option>
            <Options items={runs.map((r) => [r.id, r.label] as const)} />
          </Select>
        </div>
      ))}
      <Button type="submit">Compare</Button>
    </form>
  );
}
